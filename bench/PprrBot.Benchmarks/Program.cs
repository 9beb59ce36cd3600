using BenchmarkDotNet.Running;
using PprrBot.Benchmarks.Conversation;
using PprrBot.Benchmarks.ReadModel;

// `snapshot-memory` prints the retained size of a 10,000-measure snapshot; `answer-latency [rounds]` the spread of
// question-to-card times; anything else goes to BenchmarkDotNet.
if (args is ["snapshot-memory"])
{
    SnapshotMemory.Print();
    return;
}

if (args is ["answer-latency", ..])
{
    AnsweringBenchmarks.PrintLatency(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

if (args is ["answer-loop", var catalogue, var seconds])
{
    // For a profiler: answers the mix over and over for the given time, nothing else.
    AnsweringBenchmarks.Loop(catalogue, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AnsweringBenchmarks).Assembly).Run(args);
