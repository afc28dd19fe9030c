namespace NewsMonitor.Http;

/// <summary>A connection refused before it was made: the host resolves only to addresses private networks use.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
