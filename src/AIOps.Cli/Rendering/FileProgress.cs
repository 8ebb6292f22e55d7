using Spectre.Console;

namespace AIOps.Cli.Rendering;

/// <summary>
/// Runs long work over an input file with a progress bar on stderr (bytes read, rate and ETA), polling the
/// file position; without a terminal, or for stdin, the work just runs.
/// </summary>
internal static class FileProgress
{
    public static async Task<T> RunAsync<T>(string description, Stream? input, Func<Task<T>> work)
    {
        if (input is not FileStream { CanSeek: true } file || !CliConsole.ShowProgress)
        {
            return await work();
        }

        T result = default!;
        await CliConsole.Error().Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, file.Length));
                var running = Task.Run(work);
                while (!running.IsCompleted)
                {
                    task.Value = Math.Min(file.Length, file.Position); // read from another thread: a stale value only delays the bar
                    await Task.WhenAny(running, Task.Delay(100));
                }

                task.Value = task.MaxValue;
                result = await running;
            });
        return result;
    }
}
