namespace OCore.Git.Modules;

/// <summary>One piece of a manifest: a string literal's value, or punctuation and other text, at a nesting depth.</summary>
internal sealed record ManifestToken(string Text, bool IsString, int Depth);
