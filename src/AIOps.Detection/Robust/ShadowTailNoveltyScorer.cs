using AIOps.Detection.Stats;

namespace AIOps.Detection.Robust;

/// <summary>
/// <see cref="TailNoveltyScorer"/> with the second-anomaly rule (<see cref="TailNoveltySettings.ShadowTrigger"/>):
/// after a record of at least the trigger size (an episode the value member has signalled), a shadow of the value
/// range stops widening for <see cref="TailNoveltySettings.ShadowHold"/> points, learning again over the last
/// <see cref="TailNoveltySettings.ShadowKeep"/>, so it keeps the range as it was before the episode. A later value
/// inside the value range but past the shadow is a record against it (in units of the value range, tail-damped,
/// times <see cref="TailNoveltySettings.ShadowWeight"/>): a second, smaller anomaly after a large one. A subclass so
/// the default pays none of its 12 bytes per series.
/// </summary>
internal sealed class ShadowTailNoveltyScorer(TailNoveltySettings settings) : TailNoveltyScorer(settings)
{
    // The shadow range as fixed-point positions inside the value range (0 = its min, 65535 = its max): it always lies
    // inside it (it learns a subset of the same values) and contracts by the same affine map toward the same level,
    // so its position only changes when it widens or the value range does; 4 bytes instead of two floats keep the
    // rule within the 2 KB budget (resolution 1.5e-5 of the range; the alarm needs a record of about 1e-2).
    private ushort _low;
    private ushort _high = ushort.MaxValue;
    // One clock for both phases (2 bytes less per series): points seen while young (>= 0, saturating), then -1 - the
    // points left in a hold (-1: mature, no hold).
    private short _clock;

    private int Hold => _clock < 0 ? -1 - _clock : 0;

    private static double At(in NoveltyRange range, ushort position) => range.Min + (position / (double)ushort.MaxValue * (range.Max - range.Min));

    private static ushort PositionOf(in NoveltyRange range, double value)
    {
        var width = range.Max - range.Min;
        return width > 0 ? (ushort)Math.Round(Math.Clamp((value - range.Min) / width, 0, 1) * ushort.MaxValue) : (ushort)0;
    }

    private protected override double Shadow(double value, in RangeExcess excess, TailNoveltySettings settings, TimeSpan step)
    {
        var level = _range.Level;
        var shadowMin = At(_range, _low);
        var shadowMax = At(_range, _high);
        var width = excess.Width; // in units of the value range, as every other record
        var raw = 0.0;
        var hold = Hold;
        if (hold == 0 && excess.Above <= 0 && excess.Below <= 0)
        {
            // Inside the value range: a record only against the range before the last episode.
            if (value > shadowMax && (_fractional || value > Math.Ceiling(shadowMax)))
            {
                raw = Combine((value - shadowMax) / width, _upper, shadowMax, value);
            }
            else if (value < shadowMin && (_fractional || value < Math.Floor(shadowMin)))
            {
                raw = Combine((shadowMin - value) / width, _lower, -shadowMin, -value);
            }
        }

        // Mature: at least ShadowMature points and, once the sampling step is known, ShadowDays of data (the range
        // of a younger series has not seen its daily cycle; its records are learning, not episodes).
        if (_clock >= 0)
        {
            var age = _clock;
            var mature = age >= settings.ShadowMature && (step <= TimeSpan.Zero || age == short.MaxValue || age * step.TotalDays >= settings.ShadowDays);
            _clock = mature ? (short)-1 : (short)Math.Min(age + 1, short.MaxValue);
        }

        if (_clock < 0 && excess.Raw >= settings.ShadowTrigger)
        {
            hold = Math.Min(settings.ShadowHold, short.MaxValue - 1);
        }

        // The shadow contracts like the value range; it widens only outside a hold.
        var min = shadowMin + (settings.Decay * (level - shadowMin));
        var max = shadowMax - (settings.Decay * (shadowMax - level));
        if (hold > 0)
        {
            hold--;
        }

        if (_clock < 0)
        {
            _clock = (short)(-1 - hold);
        }

        // The end of a hold widens again: where the series sits after the episode is its new normal.
        if (hold <= settings.ShadowKeep)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        // Positions against the value range as it will be after this point (the base learns the value next).
        var next = _range;
        next.Learn(value, settings.Decay);
        _low = PositionOf(next, min);
        _high = next.Max > next.Min ? PositionOf(next, max) : ushort.MaxValue;
        return raw;
    }
}
