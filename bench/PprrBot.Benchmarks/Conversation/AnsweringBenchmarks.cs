using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PprrBot.Conversation;
using PprrBot.Data.ReadModel;

namespace PprrBot.Benchmarks.Conversation;

/// <summary>
/// Question to finished card: <see cref="QuestionAnswerer.Respond"/> plus serialising every card to the JSON that
/// goes on the wire, over the whole question mix (184 questions on the sample, 30 on 10,000 measures); BenchmarkDotNet
/// reports the time for the whole mix. `answer-latency` gives the spread per question.
/// </summary>
[MemoryDiagnoser]
public class AnsweringBenchmarks
{
    private readonly QuestionAnswerer _answerer = new(new QuestionInterpreter());
    private PprrSnapshot _snapshot = null!;
    private string[] _questions = [];

    [Params("sample", "10k")]
    public string Catalogue { get; set; } = "sample";

    [GlobalSetup]
    public void Setup()
    {
        (_snapshot, _questions) = Catalogue == "sample" ? AnsweringCatalogue.Sample() : AnsweringCatalogue.Synthetic();
        foreach (var question in _questions)
        {
            // The first question builds the snapshot's index (once per snapshot, as in the bot); keep it out of the timing.
            Answer(_answerer, question, _snapshot);
        }
    }

    [Benchmark]
    public int QuestionMix()
    {
        var bytes = 0;
        foreach (var question in _questions)
        {
            bytes += Answer(_answerer, question, _snapshot);
        }

        return bytes / _questions.Length;
    }

    /// <summary>Answers one question (its cards are written to JSON as they are built); returns the JSON length so nothing is optimised away.</summary>
    internal static int Answer(QuestionAnswerer answerer, string question, PprrSnapshot snapshot)
    {
        var length = 0;
        foreach (var message in answerer.Respond(question, snapshot).Messages)
        {
            length += message.CardJson?.Length ?? message.Text?.Length ?? 0;
        }

        return length;
    }

    /// <summary>
    /// `answer-latency`: each question of each mix answered many times, timed one by one with a Stopwatch, and the
    /// p50/p90/p99 over all those answers printed (BenchmarkDotNet gives the mean per question of the mix).
    /// </summary>
    public static void PrintLatency(int rounds)
    {
        var answerer = new QuestionAnswerer(new QuestionInterpreter());
        foreach (var (name, (snapshot, questions)) in new[] { ("sample", AnsweringCatalogue.Sample()), ("10,000 measures", AnsweringCatalogue.Synthetic()) })
        {
            // Warm up for five seconds, so the timings are of fully optimised code: .NET first runs a method as quickly
            // compiled code, then instrumented, and optimises it only after enough calls and a pause (tiered compilation
            // with dynamic PGO). Timing after one pass, as this command first did, measured code three times slower.
            var warmUp = Stopwatch.StartNew();
            var interpreter = new QuestionInterpreter();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(5))
            {
                foreach (var question in questions)
                {
                    Answer(answerer, question, snapshot);
                }
            }

            var times = new List<double>(rounds * questions.Length);
            var perQuestion = new double[questions.Length];
            var pausedBefore = GC.GetTotalPauseDuration();
            int[] generationsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < questions.Length; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    Answer(answerer, questions[i], snapshot);
                    var micro = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    times.Add(micro);
                    perQuestion[i] += micro / rounds;
                }
            }

            var pausedPerAnswer = (GC.GetTotalPauseDuration() - pausedBefore).TotalMicroseconds / times.Count;
            // Collections of each generation while timing: a full (gen 2) collection walks the whole catalogue.
            var generations = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - generationsBefore[g]));
            var interpret = new List<double>(rounds * questions.Length);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    interpreter.Interpret(question, snapshot);
                    interpret.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }

            // The stages on their own: reading the question, and building the cards (each written to its JSON as it is built).
            var compose = new List<double>(rounds * questions.Length);
            var readings = questions.Select(q => interpreter.Interpret(q, snapshot)).ToArray();
            var stages = new (double Read, double Build)[questions.Length];
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < readings.Length; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    interpreter.Interpret(questions[i], snapshot);
                    stages[i].Read += Stopwatch.GetElapsedTime(start).TotalMicroseconds / rounds;
                    start = Stopwatch.GetTimestamp();
                    _ = QuestionAnswerer.Compose(readings[i], snapshot);
                    var built = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    compose.Add(built);
                    stages[i].Build += built / rounds;
                }
            }

            if (Environment.GetEnvironmentVariable("PPRR_BENCH_EACH") == "1")
            {
                for (var i = 0; i < questions.Length; i++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var json = Answer(answerer, questions[i], snapshot) / 1024.0;
                    var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {perQuestion[i],9:N1} µs = read {stages[i].Read,8:N1} + build {stages[i].Build,8:N1}, {allocated,7:N1} KB allocated, {json,5:N1} KB of cards  {questions[i]}"));
                }
            }

            // Allocation per answer: unlike time, this does not move with the machine's load.
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var collectionsBefore = GC.CollectionCount(0);
            foreach (var question in questions)
            {
                Answer(answerer, question, snapshot);
            }

            var allocatedPerAnswer = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / questions.Length;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            foreach (var question in questions)
            {
                interpreter.Interpret(question, snapshot);
            }

            var allocatedReading = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / questions.Length;
            compose.Sort();
            interpret.Sort();
            times.Sort();
            var slowest = perQuestion.Select((t, i) => (t, i)).OrderByDescending(x => x.t).Take(3)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.t:N0} µs \"{questions[x.i]}\""));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {questions.Length} questions × {rounds} rounds: p50 {Percentile(times, 0.50):N1} µs, p90 {Percentile(times, 0.90):N1} µs, p99 {Percentile(times, 0.99):N1} µs, mean {times.Average():N1} µs"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which understanding the question (QuestionInterpreter.Interpret): p50 {Percentile(interpret, 0.50):N1} µs, p90 {Percentile(interpret, 0.90):N1} µs"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  building the cards and writing their JSON (QuestionAnswerer.Compose): p50 {Percentile(compose, 0.50):N1} µs, p90 {Percentile(compose, 0.90):N1} µs"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated per answer (mean): {allocatedPerAnswer / 1024.0:N1} KB, of which reading the question {allocatedReading / 1024.0:N1} KB; {collections} collections over the {questions.Length} answers; garbage collection paused answering for {pausedPerAnswer:N1} µs an answer on average, {generations} collections of generation 0/1/2 while timing"));
            Console.WriteLine("  slowest on average: " + string.Join("; ", slowest));
        }
    }

    /// <summary>`answer-loop`: the mix (or the questions PPRR_BENCH_MATCH matches) answered over and over for <paramref name="seconds"/>, for a profiler to sample.</summary>
    public static void Loop(string catalogue, double seconds)
    {
        var answerer = new QuestionAnswerer(new QuestionInterpreter());
        var (snapshot, questions) = catalogue == "sample" ? AnsweringCatalogue.Sample() : AnsweringCatalogue.Synthetic();
        // PPRR_BENCH_MATCH (a regular expression) keeps only the questions it matches, to profile one kind of question.
        if (Environment.GetEnvironmentVariable("PPRR_BENCH_MATCH") is { Length: > 0 } pattern)
        {
            questions = [.. questions.Where(q => System.Text.RegularExpressions.Regex.IsMatch(q, pattern))];
        }

        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var answers = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (var question in questions)
            {
                Answer(answerer, question, snapshot);
                answers++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{answers} answers"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
