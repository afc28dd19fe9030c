namespace NewsMonitor.Queues;

/// <summary>A stage failed for one message; the message says which stage and which feed or article.</summary>
public sealed class PipelineException(string message, Exception? inner = null) : Exception(message, inner);
