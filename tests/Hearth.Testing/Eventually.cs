namespace Hearth.Testing;

/// <summary>Waits for a condition by polling; the deadline is against a hung test, never a timing assertion.</summary>
public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    public static async Task Until(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }
}
