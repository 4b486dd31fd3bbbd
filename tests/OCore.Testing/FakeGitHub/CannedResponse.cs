namespace OCore.Testing.FakeGitHub;

/// <summary>An answer the fake gives to the next request instead of serving it (rate limits, outages).</summary>
public sealed record CannedResponse(int Status, string Message, IReadOnlyDictionary<string, string> Headers);
