namespace Hearth.Server.Compatible;

/// <summary>The client sent something the service cannot read; the message says what and how to fix it (a 400).</summary>
internal sealed class InvalidRequestException(string message) : Exception(message);
