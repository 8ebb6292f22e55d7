using System.Buffers.Text;

namespace AIOps.Ingest.Influx;

/// <summary>
/// Splits a line-protocol payload into lines and validates each line's grammar
/// (<c>measurement[,tag=v...] field=v[,field=v...] [timestamp]</c>) in one forward pass, without allocating.
/// Blank lines and <c>#</c> comments are skipped; string fields may span lines.
/// </summary>
internal ref struct LineProtocolReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _pos;
    private int _line;

    public LineProtocolReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _line = 1;
    }

    /// <summary>Reads the next line; false at the end (error null) or on a grammar error (error set).</summary>
    public bool TryRead(out LineToken token, out string? error)
    {
        token = default;
        error = null;
        SkipBlankAndComments();
        if (_pos >= _buffer.Length)
        {
            return false;
        }

        var lineNumber = _line;
        var start = _pos;

        // Measurement: up to an unescaped comma or space.
        if (!ScanName(isMeasurement: true, out var stop) || _pos == start)
        {
            error = Err(lineNumber, _pos == start ? "missing measurement" : "missing fields");
            return false;
        }

        var measurement = _buffer[start.._pos];
        var tagsStart = _pos;
        if (stop == (byte)',')
        {
            tagsStart = ++_pos;
            while (true)
            {
                var keyStart = _pos;
                if (!ScanName(isMeasurement: false, out stop) || stop != (byte)'=' || _pos == keyStart)
                {
                    error = Err(lineNumber, _pos == keyStart ? "empty tag key" : "tag key without value");
                    return false;
                }

                var valueStart = ++_pos;
                if (!ScanName(isMeasurement: false, out stop) || _pos == valueStart || stop == (byte)'=')
                {
                    error = Err(lineNumber, stop == (byte)'=' ? "unescaped '=' in tag value" : _pos == valueStart ? "empty tag value" : "missing fields");
                    return false;
                }

                if (stop == (byte)' ')
                {
                    break;
                }

                _pos++; // comma
            }
        }

        var tags = _buffer[tagsStart.._pos];
        var seriesKey = _buffer[start.._pos];
        SkipSpaces();
        if (_pos >= _buffer.Length || IsEol(_pos))
        {
            error = Err(lineNumber, "missing fields");
            return false;
        }

        var fieldsStart = _pos;
        if (!ScanFields(lineNumber, out error))
        {
            return false;
        }

        var fields = _buffer[fieldsStart.._pos];
        SkipSpaces();
        long? timestamp = null;
        if (_pos < _buffer.Length && !IsEol(_pos))
        {
            var tsStart = _pos;
            while (_pos < _buffer.Length && _buffer[_pos] is not ((byte)' ' or (byte)'\t') && !IsEol(_pos))
            {
                _pos++;
            }

            if (!Utf8Parser.TryParse(_buffer[tsStart.._pos], out long value, out var consumed) || consumed != _pos - tsStart)
            {
                error = Err(lineNumber, "invalid timestamp");
                return false;
            }

            timestamp = value;
            SkipSpaces();
            if (_pos < _buffer.Length && !IsEol(_pos))
            {
                error = Err(lineNumber, "unexpected text after timestamp");
                return false;
            }
        }

        token = new LineToken(lineNumber, measurement, tags, seriesKey, fields, timestamp);
        return true;
    }

    /// <summary>True when the first non-comment line of <paramref name="buffer"/> is valid line protocol.</summary>
    public static bool LooksLikeLineProtocol(ReadOnlySpan<byte> buffer)
    {
        var reader = new LineProtocolReader(buffer);
        return reader.TryRead(out _, out _);
    }

    private static string Err(int line, string reason) => $"line {line}: {reason}";

    // Names (measurement, tag keys and values, field keys) end at an unescaped comma, space or '='
    // ('=' does not end a measurement). A backslash escapes the next byte. Returns false at end of line.
    private bool ScanName(bool isMeasurement, out byte stop)
    {
        while (_pos < _buffer.Length)
        {
            var b = _buffer[_pos];
            if (b == (byte)'\\' && _pos + 1 < _buffer.Length && _buffer[_pos + 1] is not ((byte)'\n' or (byte)'\r'))
            {
                _pos += 2;
                continue;
            }

            if (b == (byte)',' || b == (byte)' ' || (b == (byte)'=' && !isMeasurement))
            {
                stop = b;
                return true;
            }

            if (IsEol(_pos))
            {
                break;
            }

            _pos++;
        }

        stop = 0;
        return false;
    }

    private bool ScanFields(int lineNumber, out string? error)
    {
        error = null;
        while (true)
        {
            var keyStart = _pos;
            if (!ScanName(isMeasurement: false, out var stop) || stop != (byte)'=' || _pos == keyStart)
            {
                error = Err(lineNumber, _pos == keyStart ? "empty field key" : "field without value");
                return false;
            }

            _pos++;
            if (_pos >= _buffer.Length || IsEol(_pos) || _buffer[_pos] is (byte)' ' or (byte)',')
            {
                error = Err(lineNumber, "field without value");
                return false;
            }

            if (_buffer[_pos] == (byte)'"')
            {
                if (!ScanQuoted())
                {
                    error = Err(lineNumber, "unterminated string field");
                    return false;
                }
            }
            else
            {
                while (_pos < _buffer.Length && _buffer[_pos] is not ((byte)',' or (byte)' ' or (byte)'\t') && !IsEol(_pos))
                {
                    _pos++;
                }
            }

            if (_pos < _buffer.Length && _buffer[_pos] == (byte)',')
            {
                _pos++;
                continue;
            }

            if (_pos < _buffer.Length && !IsEol(_pos) && _buffer[_pos] is not ((byte)' ' or (byte)'\t'))
            {
                error = Err(lineNumber, "unexpected text after string field");
                return false;
            }

            return true;
        }
    }

    // A quoted string may hold newlines (counted) and \" or \\ escapes.
    private bool ScanQuoted()
    {
        _pos++;
        while (_pos < _buffer.Length)
        {
            var b = _buffer[_pos];
            if (b == (byte)'\\' && _pos + 1 < _buffer.Length)
            {
                if (_buffer[_pos + 1] == (byte)'\n')
                {
                    _line++;
                }

                _pos += 2;
                continue;
            }

            if (b == (byte)'"')
            {
                _pos++;
                return true;
            }

            if (b == (byte)'\n')
            {
                _line++;
            }

            _pos++;
        }

        return false;
    }

    private readonly bool IsEol(int pos) =>
        _buffer[pos] == (byte)'\n' || (_buffer[pos] == (byte)'\r' && (pos + 1 == _buffer.Length || _buffer[pos + 1] == (byte)'\n'));

    private void SkipSpaces()
    {
        while (_pos < _buffer.Length && _buffer[_pos] is (byte)' ' or (byte)'\t')
        {
            _pos++;
        }
    }

    private void SkipBlankAndComments()
    {
        while (_pos < _buffer.Length)
        {
            var b = _buffer[_pos];
            if (b == (byte)'\n')
            {
                _line++;
                _pos++;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                _pos++;
            }
            else if (b == (byte)'#')
            {
                while (_pos < _buffer.Length && _buffer[_pos] != (byte)'\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }
}
