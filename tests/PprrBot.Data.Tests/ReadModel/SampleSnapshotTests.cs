using PprrBot.Data.Imports;

namespace PprrBot.Data.Tests.ReadModel;

public class SampleSnapshotTests
{
    [Fact]
    public void CurrentPositionIsTheLatestRowWithAValue()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

        var keyStage2 = snapshot.Measure("CFE10")!;

        Assert.Equal("2018/19", keyStage2.Current!.Period);
        Assert.Equal(68m, keyStage2.Current.Value);
        Assert.Equal("2019/20", Assert.Single(keyStage2.LaterWithoutValue).Period);
    }

    [Fact]
    public void SampleHoldsEveryMeasureGroupedByPriority()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

        Assert.Equal(38, snapshot.Measures.Count);
        Assert.Equal([5, 11, 4, 10, 8], snapshot.Priorities.Select(p => p.Measures.Count));
        Assert.True(snapshot.IsSample);
    }
}
