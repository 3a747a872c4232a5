namespace Infohus.Specs.Support;

/// <summary>For what the system does on its own time (the daemon, the scheduler, a failover): poll until it holds.</summary>
public static class Waiting
{
    public static async Task Until(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {seconds} seconds for {what}.");
            await Task.Delay(250);
        }
    }
}
