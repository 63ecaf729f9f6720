namespace HyperCrm.TestBase;

/// <summary>Waits for an asynchronous outcome (an event handled, a row written) with a generous bound; never a timing assertion.</summary>
public static class Eventually
{
    /// <param name="interval">Between probes (100 ms unless told; a browser reloading a page wants longer).</param>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null,
        TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
