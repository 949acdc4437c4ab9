namespace GlueStack;

/// <summary>The stack comes from StubGenerator; the project needs one type to compile.</summary>
internal static class Empty
{
}
