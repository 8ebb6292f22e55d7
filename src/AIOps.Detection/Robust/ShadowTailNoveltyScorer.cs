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
    private float _shadowMin;
    private float _shadowMax;
    private short _hold; // points left during which the shadow range does not widen
    private short _age; // points seen, saturating once mature

    private protected override void StartShadow(double value)
    {
        _shadowMin = _shadowMax = (float)value;
    }

    private protected override double Shadow(double value, in RangeExcess excess, TailNoveltySettings settings, TimeSpan step)
    {
        var level = _range.Level;
        var width = Math.Max(_shadowMax - _shadowMin, excess.Width);
        var raw = 0.0;
        if (_hold == 0 && excess.Above <= 0 && excess.Below <= 0)
        {
            // Inside the value range: a record only against the range before the last episode.
            if (value > _shadowMax && (_fractional || value > Math.Ceiling(_shadowMax)))
            {
                raw = Combine((value - _shadowMax) / width, _upper, _shadowMax, value);
            }
            else if (value < _shadowMin && (_fractional || value < Math.Floor(_shadowMin)))
            {
                raw = Combine((_shadowMin - value) / width, _lower, -_shadowMin, -value);
            }
        }

        // Mature: at least ShadowMature points and, once the sampling step is known, ShadowDays of data (the range
        // of a younger series has not seen its daily cycle; its records are learning, not episodes).
        var mature = _age >= settings.ShadowMature && (step <= TimeSpan.Zero || _age == short.MaxValue || _age * step.TotalDays >= settings.ShadowDays);
        if (!mature && _age < short.MaxValue)
        {
            _age++;
        }
        else if (excess.Raw >= settings.ShadowTrigger)
        {
            _hold = (short)Math.Min(settings.ShadowHold, short.MaxValue);
        }

        // The shadow contracts like the value range; it widens only outside a hold.
        var min = _shadowMin + (settings.Decay * (level - _shadowMin));
        var max = _shadowMax - (settings.Decay * (_shadowMax - level));
        if (_hold > 0)
        {
            _hold--;
        }

        // The end of a hold widens again: where the series sits after the episode is its new normal.
        if (_hold <= settings.ShadowKeep)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        _shadowMin = (float)min;
        _shadowMax = (float)max;
        return raw;
    }
}
