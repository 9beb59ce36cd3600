using BenchmarkDotNet.Running;
using PprrBot.Benchmarks.ReadModel;

// `snapshot-memory` prints the retained size of a 10,000-measure snapshot; anything else goes to BenchmarkDotNet.
if (args is ["snapshot-memory"])
{
    SnapshotMemory.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
