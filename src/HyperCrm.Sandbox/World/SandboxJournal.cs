using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>
/// The outside world's memory (ADR 0017): every change a simulator makes (a document, a ledger entry, an idempotency key and
/// its answer, stock, a shipment's progress) is appended as one JSON line to <c>world.jsonl</c> under
/// <c>Sandbox:DataDirectory</c>, and read back when the sandbox starts, so restarting the app restarts nothing of "the
/// outside world", as a real ERP or courier would not forget. The lines of one call are written together, so a crash
/// keeps all of a call or none of it (a half-written last line is skipped). Without a directory the world lives in memory.
/// </summary>
public sealed class SandboxJournal : IDisposable
{
    public const string FileName = "world.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Lock _gate = new();
    private readonly AsyncLocal<List<string>?> _batch = new();
    private readonly FileStream? _file;

    public SandboxJournal(IOptions<SandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.DataDirectory is not { Length: > 0 } directory) return;
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, FileName);
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        // A half-written last line (a killed process) is ended, so the next line starts on its own.
        if (_file.Length > 0)
        {
            _file.Seek(-1, SeekOrigin.End);
            if (_file.ReadByte() != '\n') _file.Write("\n"u8);
        }
        _file.Seek(0, SeekOrigin.End);
    }

    /// <summary>The journal's file; null when the world lives in memory only.</summary>
    public string? Path { get; }

    public bool Enabled => _file is not null;

    /// <summary>Every complete line written so far, oldest first.</summary>
    public IEnumerable<JournalRecord> ReadAll()
    {
        if (Path is null || !File.Exists(Path)) yield break;
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<JournalRecord>(line, Json);
            }
            catch (JsonException)
            {
                // The last line of a process killed mid-write: that call never answered, so it never happened.
                continue;
            }
            if (record is { Kind.Length: > 0 }) yield return record;
        }
    }

    public static T Read<T>(JournalRecord record) => record.Value.Deserialize<T>(Json)!;

    /// <summary>Records a change; inside <see cref="Batch"/> it waits for the batch, otherwise it is written at once.</summary>
    public void Append(string kind, object value)
    {
        if (_file is null) return;
        var line = JsonSerializer.Serialize(new JournalRecord(kind, JsonSerializer.SerializeToElement(value, Json)), Json);
        if (_batch.Value is { } batch) batch.Add(line);
        else Write([line]);
    }

    /// <summary>Holds the changes of one call until it is disposed, then writes them in one go.</summary>
    public IDisposable Batch()
    {
        if (_file is null || _batch.Value is not null) return NoBatch.Instance;
        var lines = new List<string>();
        _batch.Value = lines;
        return new BatchScope(this, lines);
    }

    /// <summary>Forgets everything (the sandbox's reset).</summary>
    public void Clear()
    {
        if (_file is null) return;
        lock (_gate)
        {
            _file.SetLength(0);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _file?.Dispose();

    private void Write(List<string> lines)
    {
        if (lines.Count == 0 || _file is null) return;
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        lock (_gate)
        {
            _file.Write(bytes);
            // To the operating system, which keeps it through a killed process; not to the disk on every call.
            _file.Flush(flushToDisk: false);
        }
    }

    private sealed class BatchScope(SandboxJournal journal, List<string> lines) : IDisposable
    {
        public void Dispose()
        {
            journal._batch.Value = null;
            journal.Write(lines);
        }
    }

    private sealed class NoBatch : IDisposable
    {
        public static readonly NoBatch Instance = new();

        public void Dispose()
        {
        }
    }
}
