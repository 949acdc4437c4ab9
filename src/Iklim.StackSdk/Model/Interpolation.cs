using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Iklim.StackSdk.Model;

/// <summary>
/// How the model tells a deploy-time variable from text the user wrote. <c>Env.Var</c> and its siblings return their
/// reference with <see cref="Sigil"/> (a private-use character no one types) in place of <c>$</c>, so every other
/// <c>$</c> in a value, a literal <c>${X}</c> included, is the user's own character. Only the emitters turn the sigil
/// back into <c>$</c>: a compose file escapes every literal <c>$</c> as <c>$$</c> and writes each reference as Docker
/// reads it, and messages, STACK.md and the scripts show the reference with a plain <c>$</c>. The sigil survives
/// concatenation and string interpolation, at runtime and in the compile-time evaluator alike.
/// </summary>
internal static class Interpolation
{
    /// <summary>Stands for the <c>$</c> of a deploy-time reference: U+E024, mnemonic for U+0024 '$'.</summary>
    public const char Sigil = '\uE024';

    /// <summary>
    /// A reference as Docker reads one in compose text, <c>${NAME}</c> or <c>${NAME</c> then <c>:-</c>, <c>-</c>, <c>:?</c> or
    /// <c>?</c> and text up to the first <c>}</c>; group <c>body</c> is what lies between the braces. Typed in a C# string,
    /// it is the author's guess at interpolation (IKS0115).
    /// </summary>
    public static readonly Regex ComposeReference = new(@"\$\{(?<body>[A-Za-z_][A-Za-z0-9_]*(?:(?::-|-|:\?|\?)[^}]*)?)\}", RegexOptions.CultureInvariant);

    /// <summary>The reference <c>${body}</c> as the model holds it.</summary>
    public static string Reference(string body) => Sigil + "{" + body + "}";

    /// <summary>True when <paramref name="value"/> holds a deploy-time reference (made by <c>Env</c>).</summary>
    public static bool Contains(string value) => IndexOfReference(value, 0) >= 0;

    /// <summary>True when <paramref name="value"/> is exactly one reference, nothing around it.</summary>
    public static bool IsWholeReference(string value) =>
        value.Length > 2 && value[0] == Sigil && value[1] == '{' && value.IndexOf('}') == value.Length - 1;

    /// <summary>The text between the braces of a whole reference (<c>NAME</c>, <c>NAME:-fallback</c>, ...).</summary>
    public static string Body(string wholeReference) => wholeReference.Substring(2, wholeReference.Length - 3);

    /// <summary>
    /// <paramref name="value"/> as a compose file must hold it for Docker to hand the container exactly the C# string:
    /// each literal <c>$</c> doubled, each reference written <c>${...}</c> with its inside verbatim (Docker does not
    /// unescape a fallback or message).
    /// </summary>
    public static string ToCompose(string value) => Rewrite(value, escapeLiterals: true);

    /// <summary><paramref name="value"/> as people read it: each reference with a plain <c>$</c>, nothing escaped.</summary>
    public static string ToDisplay(string value) => Rewrite(value, escapeLiterals: false);

    /// <summary>
    /// The model's text of a compose value, the inverse of <see cref="ToCompose"/>: <c>$$</c> is a literal <c>$</c>,
    /// <c>${...}</c> and <c>$NAME</c> are references; a <c>$</c> Docker cannot read is kept as written.
    /// </summary>
    public static string FromCompose(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '$' || i + 1 == text.Length)
            {
                result.Append(c);
            }
            else if (text[i + 1] == '$')
            {
                result.Append('$');
                i++;
            }
            else if (text[i + 1] == '{' && text.IndexOf('}', i + 2) is var end and > 0)
            {
                result.Append(Sigil).Append(text, i + 1, end - i);
                i = end;
            }
            else if (NameLength(text, i + 1) is var length and > 0)
            {
                result.Append(Reference(text.Substring(i + 1, length)));
                i += length;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// <paramref name="value"/> cut into literal text and references, in order; a reference's text is its body
    /// (<c>NAME:-fallback</c>). Empty literals are left out.
    /// </summary>
    public static IReadOnlyList<(bool IsReference, string Text)> Parts(string value)
    {
        var parts = new List<(bool, string)>();
        var start = 0;
        for (var at = IndexOfReference(value, 0); at >= 0; at = IndexOfReference(value, start))
        {
            if (at > start)
            {
                parts.Add((false, value.Substring(start, at - start)));
            }

            var end = value.IndexOf('}', at + 2);
            parts.Add((true, value.Substring(at + 2, end - at - 2)));
            start = end + 1;
        }

        if (start < value.Length)
        {
            parts.Add((false, value.Substring(start)));
        }

        return parts;
    }

    private static string Rewrite(string value, bool escapeLiterals)
    {
        if (value.IndexOf(Sigil) < 0 && (!escapeLiterals || value.IndexOf('$') < 0))
        {
            return value;
        }

        var result = new StringBuilder(value.Length + 8);
        foreach (var (isReference, text) in Parts(value))
        {
            if (isReference)
            {
                result.Append("${").Append(text).Append('}');
            }
            else
            {
                result.Append(escapeLiterals ? text.Replace("$", "$$") : text);
            }
        }

        return result.ToString();
    }

    // A sigil starts a reference only when a brace follows and a closing brace ends it, as Env always writes it.
    private static int IndexOfReference(string value, int from)
    {
        for (var at = value.IndexOf(Sigil, from); at >= 0; at = value.IndexOf(Sigil, at + 1))
        {
            if (at + 1 < value.Length && value[at + 1] == '{' && value.IndexOf('}', at + 2) > 0)
            {
                return at;
            }
        }

        return -1;
    }

    // The length of the variable name Docker reads after an unbraced '$': [_A-Za-z][_A-Za-z0-9]*.
    private static int NameLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && (text[i] == '_' || (text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') || (i > start && text[i] >= '0' && text[i] <= '9')))
        {
            i++;
        }

        return i - start;
    }
}
