using AIOps.Server.Options;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AIOps.Server.Delivery;

/// <summary>
/// Retry (exponential backoff with jitter) around a circuit breaker: each attempt passes the breaker, so a dead
/// receiver opens it after a few failures and later attempts fail fast until it half-opens and probes again.
/// An open circuit is not retried here; the buffer waits for the break and tries again.
/// </summary>
internal static class DeliveryPipeline
{
    public static ResiliencePipeline Build(string name, DeliveryOptions options, TimeProvider time, ILogger logger, Action onRetry)
    {
        return new ResiliencePipelineBuilder { Name = name, TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && ex is not BrokenCircuitException && IsTransient(ex, args.Context.CancellationToken)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                MaxRetryAttempts = options.MaxRetryAttempts,
                OnRetry = args =>
                {
                    onRetry();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && IsTransient(ex, args.Context.CancellationToken)),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    logger.LogWarning("delivery {Sink}: circuit opened for {Break} after repeated failures", name, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("delivery {Sink}: circuit closed", name);
                    return default;
                },
            })
            .Build();
    }

    // An HTTP client timeout surfaces as a TaskCanceledException although nobody cancelled: that is a failure to
    // retry. Only cancellation of the caller's token (shutdown) is not.
    private static bool IsTransient(Exception ex, CancellationToken token) =>
        ex is not PermanentDeliveryException && !(ex is OperationCanceledException && token.IsCancellationRequested);
}
