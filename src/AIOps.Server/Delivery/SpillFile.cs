using System.Globalization;

namespace AIOps.Server.Delivery;

/// <summary>
/// A bounded append-only file of NDJSON lines, read in order from a committed position that is saved next to it,
/// so spilled items survive a restart and are replayed oldest first. Truncated once everything was read.
/// Not thread-safe: the owning <see cref="ResilientSink{T}"/> serializes access.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const byte NewLine = (byte)'\n';
    private readonly string _path;
    private readonly string _positionPath;
    private readonly long _maxBytes;
    private readonly FileStream _stream;
    private readonly byte[] _readBuffer = new byte[64 * 1024];
    private long _readPosition;
    private long _length;
    private bool _atEnd;

    public SpillFile(string directory, string name, long maxBytes)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, name + ".spill");
        _positionPath = _path + ".pos";
        _maxBytes = maxBytes;
        // Buffered: an append is a memcpy, not a syscall. Buffered lines reach the file before every read and at
        // dispose; a crash loses at most the buffer, like the items still in memory.
        _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.None);
        TrimPartialLine();
        _length = _stream.Length;
        _readPosition = LoadPosition();
        Pending = CountLines(_readPosition);
        if (Pending == 0)
        {
            Reset();
        }
    }

    /// <summary>Lines written and not yet committed as delivered.</summary>
    public long Pending { get; private set; }

    public long Length => _length;

    public string FilePath => _path;

    /// <summary>Appends one line; false when it would pass the bound (the caller counts a drop).</summary>
    public bool TryAppend(ReadOnlySpan<byte> line)
    {
        if (_length + line.Length + 1 > _maxBytes)
        {
            return false;
        }

        if (!_atEnd)
        {
            _stream.Seek(_length, SeekOrigin.Begin);
            _atEnd = true;
        }

        _stream.Write(line);
        _stream.WriteByte(NewLine);
        _length += line.Length + 1;
        Pending++;
        return true;
    }

    /// <summary>Reads up to <paramref name="max"/> lines after the committed position; returns the position after them.</summary>
    public long Peek(int max, List<byte[]> lines)
    {
        var position = _readPosition;
        _stream.Flush();
        _stream.Seek(position, SeekOrigin.Begin);
        _atEnd = false;
        var pending = new MemoryStream();
        var buffer = _readBuffer;
        while (lines.Count < max)
        {
            var read = _stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }

            var start = 0;
            for (var i = 0; i < read && lines.Count < max; i++)
            {
                if (buffer[i] != NewLine)
                {
                    continue;
                }

                pending.Write(buffer, start, i - start);
                lines.Add(pending.ToArray());
                position += pending.Length + 1;
                pending.SetLength(0);
                start = i + 1;
            }

            if (lines.Count < max)
            {
                pending.Write(buffer, start, read - start);
            }
        }

        return position;
    }

    /// <summary>Marks lines up to <paramref name="position"/> as delivered; empties the file once all are.</summary>
    public void Commit(int count, long position)
    {
        _readPosition = position;
        Pending -= count;
        if (Pending <= 0 || _readPosition >= _length)
        {
            Reset();
            return;
        }

        File.WriteAllText(_positionPath, _readPosition.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Puts lines in front of the pending ones (on shutdown, what was still in memory is older than what was
    /// spilled). Returns how many fit in the bound.
    /// </summary>
    public int Prepend(IReadOnlyList<byte[]> lines)
    {
        var temp = _path + ".tmp";
        var written = 0;
        _stream.Flush();
        _atEnd = false;
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            var remaining = _length - _readPosition;
            long size = 0;
            foreach (var line in lines)
            {
                if (size + line.Length + 1 + remaining > _maxBytes)
                {
                    break;
                }

                output.Write(line);
                output.WriteByte(NewLine);
                size += line.Length + 1;
                written++;
            }

            _stream.Seek(_readPosition, SeekOrigin.Begin);
            _stream.CopyTo(output);
        }

        // Swap the contents in place so the open handle stays valid.
        var bytes = File.ReadAllBytes(temp);
        _stream.SetLength(0);
        _stream.Write(bytes);
        _stream.Flush();
        _length = bytes.Length;
        File.Delete(temp);
        _readPosition = 0;
        File.Delete(_positionPath);
        Pending += written;
        return written;
    }

    public void Dispose()
    {
        _stream.Flush();
        _stream.Dispose();
    }

    private void Reset()
    {
        _stream.Flush();
        _stream.SetLength(0);
        _length = 0;
        _atEnd = false;
        _readPosition = 0;
        Pending = 0;
        File.Delete(_positionPath);
    }

    private long LoadPosition()
    {
        if (!File.Exists(_positionPath))
        {
            return 0;
        }

        return long.TryParse(File.ReadAllText(_positionPath), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position >= 0 && position <= _length
            ? position
            : 0;
    }

    // A crash in the middle of an append leaves half a line: drop it rather than replay garbage.
    private void TrimPartialLine()
    {
        var length = _stream.Length;
        while (length > 0)
        {
            _stream.Seek(length - 1, SeekOrigin.Begin);
            if (_stream.ReadByte() == NewLine)
            {
                break;
            }

            length--;
        }

        if (length != _stream.Length)
        {
            _stream.SetLength(length);
        }
    }

    private long CountLines(long from)
    {
        _stream.Seek(from, SeekOrigin.Begin);
        long count = 0;
        var buffer = _readBuffer;
        int read;
        while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            count += buffer.AsSpan(0, read).Count(NewLine);
        }

        return count;
    }
}
