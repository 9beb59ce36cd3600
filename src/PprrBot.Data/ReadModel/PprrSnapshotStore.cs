namespace PprrBot.Data.ReadModel;

/// <summary>Holds the current snapshot; an import swaps in a new one atomically.</summary>
public sealed class PprrSnapshotStore
{
    private PprrSnapshot _current = PprrSnapshot.Empty;

    public PprrSnapshot Current => Volatile.Read(ref _current);

    public event EventHandler? Swapped;

    public void Swap(PprrSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _current, snapshot);
        Swapped?.Invoke(this, EventArgs.Empty);
    }
}
