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
        var handled = new PredicateBuilder().Handle<Exception>(static ex => IsTransient(ex));
        return new ResiliencePipelineBuilder { Name = name, TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static ex => IsTransient(ex) && ex is not BrokenCircuitException),
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
                ShouldHandle = handled,
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

    private static bool IsTransient(Exception ex) => ex is not PermanentDeliveryException and not OperationCanceledException;
}
