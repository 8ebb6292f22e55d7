namespace AIOps.Detection.Stats;

/// <summary>
/// The last <c>capacity</c> values kept both in arrival order (ring) and sorted, so median and quantiles cost
/// O(log w) to find and O(w) memmove to update, with no allocation after construction.
/// </summary>
internal sealed class SortedWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _count;
    private int _next;

    public SortedWindow(int capacity)
    {
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Count => _count;

    public int Capacity => _ring.Length;

    public void Add(double value)
    {
        if (_count == _ring.Length)
        {
            var old = _ring[_next];
            var at = Array.BinarySearch(_sorted, 0, _count, old);
            if (at < 0)
            {
                at = ~at; // cannot happen for a stored value; defensive for NaN-free input
            }

            Array.Copy(_sorted, at + 1, _sorted, at, _count - at - 1);
            _count--;
        }

        var insert = Array.BinarySearch(_sorted, 0, _count, value);
        if (insert < 0)
        {
            insert = ~insert;
        }

        Array.Copy(_sorted, insert, _sorted, insert + 1, _count - insert);
        _sorted[insert] = value;
        _count++;
        _ring[_next] = value;
        _next = (_next + 1) % _ring.Length;
    }

    /// <summary>Linear-interpolated quantile q in [0,1] of the current window.</summary>
    public double Quantile(double q)
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        var pos = q * (_count - 1);
        var lo = (int)pos;
        var hi = Math.Min(lo + 1, _count - 1);
        return _sorted[lo] + ((pos - lo) * (_sorted[hi] - _sorted[lo]));
    }

    /// <summary>Value added <paramref name="lag"/> steps ago (1 = the latest).</summary>
    public double Lag(int lag) => _ring[((_next - lag) % _ring.Length + _ring.Length) % _ring.Length];
}
