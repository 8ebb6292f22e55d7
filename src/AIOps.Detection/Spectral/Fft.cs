namespace AIOps.Detection.Spectral;

/// <summary>In-place iterative radix-2 FFT on split real/imaginary spans (no allocation; length a power of two).</summary>
internal static class Fft
{
    public static void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = (inverse ? 2 : -2) * Math.PI / len;
            var wRe = Math.Cos(angle);
            var wIm = Math.Sin(angle);
            for (var start = 0; start < n; start += len)
            {
                double cRe = 1, cIm = 0;
                var half = len / 2;
                for (var k = 0; k < half; k++)
                {
                    var a = start + k;
                    var b = a + half;
                    var tRe = (re[b] * cRe) - (im[b] * cIm);
                    var tIm = (re[b] * cIm) + (im[b] * cRe);
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    var nextRe = (cRe * wRe) - (cIm * wIm);
                    cIm = (cRe * wIm) + (cIm * wRe);
                    cRe = nextRe;
                }
            }
        }

        if (inverse)
        {
            for (var i = 0; i < n; i++)
            {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
