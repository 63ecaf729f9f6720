using System.Globalization;

namespace HyperCrm.Bench;

/// <summary>
/// The app's own CPU time and peak memory, read from /proc for the process bench.sh started (BENCH_APP_PID): what an order
/// costs the app, beside what it costs PostgreSQL.
/// </summary>
internal sealed class AppUsage(int pid, int ticksPerSecond)
{
    public static AppUsage? FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_APP_PID"), CultureInfo.InvariantCulture, out var pid)
        && File.Exists($"/proc/{pid}/stat")
            ? new AppUsage(pid, int.TryParse(Environment.GetEnvironmentVariable("BENCH_CLK_TCK"), CultureInfo.InvariantCulture,
                out var ticks) ? ticks : 100)
            : null;

    /// <summary>User plus system time so far, in seconds (fields 14 and 15 of /proc/PID/stat, after the command's name).</summary>
    public double? CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
                   / (double)ticksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The resident set's high-water mark (VmHWM), in MiB.</summary>
    public double? PeakMemoryMb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null
                : Math.Round(long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0, 1);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
