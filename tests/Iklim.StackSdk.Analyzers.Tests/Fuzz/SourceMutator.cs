using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Analyzers.Tests.Fuzz;

/// <summary>
/// Mutates a stack source the way a typing user (or a careless merge) does: token deletion, duplication, adjacent
/// swaps, identifier swaps, random literals (hostile strings, huge and negative numbers), truncation, and a few
/// structural mutations (a statement duplicated, a <c>;</c> dropped, a call wrapped in a lambda). Each variant is a
/// pure function of (seed, index), so one variant can be replayed alone.
/// </summary>
internal sealed class SourceMutator
{
    public static readonly string[] HostileStrings =
    {
        "", " ", "\\n", "\\r\\n", "\\t", "\\0", "\\u0000", "\\uD800", "\\uDFFF", "\\u202E", "\\\"", "\\\\", "'", "`", "$", "$$", "${", "${X", "${REDIS_PASSWORD}", "${X:-y}",
        "${X:?err}", "{{.Node.Hostname}}", "{{", "}}", "{{ .Task.Slot }}", "yes", "no", "null", "~", "true", "0x1F", "1e3", "010", ".inf", "NaN", "a: b", " #x", "- x",
        "---", "...", "*a", "&a", "!tag", "%", "@", "|", ">", "<<", "=", "a=b", "a b", "İıŞş", "🚀", "é\\u00a0", "/", "//", "../..", "/etc/passwd", "C:\\\\x",
        "node.labels.type == service", "node.labels.type != service", "node.role==manager", "engine.labels.x==", "==", "node.hostname", "redis", "iklimco-net", "vault-vl",
        "UPPER", "-leading", "trailing-", "a_b", "a.b", "a/b:1", "redis:", ":7", "@sha256:", "redis@sha256:abc", "5s", "-5s", "0s", "1h2m", "5", "abc", "1.5s", "9999999h",
        "iklim-app-01", "iklim-app-99", "prod", "PROD", "base", "rabbitmq_erlang_cookie", "\\x01", "\\a", "line1\\nline2",
    };

    public static readonly string[] NumericLiterals =
    {
        "0", "1", "-1", "2", "3", "7", "65535", "65536", "70000", "-80", "2147483647", "-2147483648", "2147483648", "4294967295", "9223372036854775807",
        "18446744073709551615", "99999999999999999999", "0x7FFFFFFF", "0xFFFFFFFF", "1e308", "1.5", "-0", "int.MaxValue", "int.MinValue", "1_000", "0b1", "'x'",
        "1L", "1u", "1.0m", "(short)1", "default", "null", "\"3\"",
    };

    private readonly string _seedSource;
    private readonly SyntaxTree _tree;
    private readonly SyntaxToken[] _tokens;
    private readonly int[] _literals;
    private readonly int[] _identifiers;
    private readonly int[] _semicolons;
    private readonly string[] _identifierTexts;
    private readonly StatementSyntax[] _statements;
    private readonly ExpressionStatementSyntax[] _callStatements;
    private readonly InvocationExpressionSyntax[] _invocations;

    public SourceMutator(string seedSource)
    {
        _seedSource = seedSource;
        _tree = CSharpSyntaxTree.ParseText(seedSource);
        var root = _tree.GetRoot();
        _tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
        _literals = Indexes(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.NumericLiteralToken)
                                 || t.IsKind(SyntaxKind.InterpolatedStringTextToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
        _identifiers = Indexes(t => t.IsKind(SyntaxKind.IdentifierToken));
        _semicolons = Indexes(t => t.IsKind(SyntaxKind.SemicolonToken));
        _identifierTexts = _identifiers.Select(i => _tokens[i].Text).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        _statements = root.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax).ToArray();
        _callStatements = root.DescendantNodes().OfType<ExpressionStatementSyntax>().Where(s => s.Expression is InvocationExpressionSyntax).ToArray();
        _invocations = root.DescendantNodes().OfType<InvocationExpressionSyntax>().ToArray();
    }

    public int TokenCount => _tokens.Length;

    /// <summary>The variant of <paramref name="index"/> for <paramref name="seed"/>, and what was done to get it.</summary>
    public (string Source, string Description) Variant(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7919) ^ 0x5bd1e995));

        // A structural mutation works on the seed's syntax; token mutations follow (1-3 of them) on the token texts.
        var texts = _tokens.Select(t => t.ToFullString()).ToArray();
        var description = new List<string>();
        var kind = random.Next(100);
        string source;
        if (kind < 8)
        {
            source = Structural(random, description);
        }
        else
        {
            var mutations = 1 + (random.Next(4) == 0 ? random.Next(1, 3) : 0);
            for (var i = 0; i < mutations; i++)
            {
                TokenMutation(random, texts, description);
            }

            source = string.Concat(texts);
        }

        // Truncation: on its own, or after the other mutations.
        if (kind >= 90)
        {
            var at = random.Next(source.Length + 1);
            description.Add($"truncate at char {at.ToString(CultureInfo.InvariantCulture)}");
            source = source[..at];
        }

        return (source, string.Join("; ", description));
    }

    private void TokenMutation(Random random, string[] texts, List<string> description)
    {
        var op = random.Next(100);
        if (op < 22)
        {
            var i = random.Next(texts.Length);
            description.Add($"delete token {i} '{_tokens[i].Text}'");
            texts[i] = _tokens[i].LeadingTrivia.ToFullString() + _tokens[i].TrailingTrivia.ToFullString();
        }
        else if (op < 36)
        {
            var i = random.Next(texts.Length);
            var separator = random.Next(2) == 0 ? " " : string.Empty;
            description.Add($"duplicate token {i} '{_tokens[i].Text}'");
            texts[i] = texts[i] + separator + _tokens[i].Text;
        }
        else if (op < 50)
        {
            var i = random.Next(texts.Length - 1);
            description.Add($"swap tokens {i},{i + 1} '{_tokens[i].Text}' '{_tokens[i + 1].Text}'");
            (texts[i], texts[i + 1]) = (texts[i + 1], texts[i]);
        }
        else if (op < 80)
        {
            var i = _literals[random.Next(_literals.Length)];
            var literal = RandomLiteral(random, _tokens[i]);
            description.Add($"literal {i} {Shorten(_tokens[i].Text)} -> {Shorten(literal)}");
            texts[i] = _tokens[i].LeadingTrivia.ToFullString() + literal + _tokens[i].TrailingTrivia.ToFullString();
        }
        else if (op < 92)
        {
            var i = _identifiers[random.Next(_identifiers.Length)];
            var other = _identifierTexts[random.Next(_identifierTexts.Length)];
            description.Add($"identifier {i} '{_tokens[i].Text}' -> '{other}'");
            texts[i] = _tokens[i].LeadingTrivia.ToFullString() + other + _tokens[i].TrailingTrivia.ToFullString();
        }
        else
        {
            var i = _semicolons[random.Next(_semicolons.Length)];
            description.Add($"drop ';' token {i}");
            texts[i] = _tokens[i].LeadingTrivia.ToFullString() + _tokens[i].TrailingTrivia.ToFullString();
        }
    }

    private string RandomLiteral(Random random, SyntaxToken original)
    {
        var numeric = original.IsKind(SyntaxKind.NumericLiteralToken);

        // Mostly a literal of the same kind, sometimes the other kind.
        if (numeric ^ (random.Next(6) == 0))
        {
            return NumericLiterals[random.Next(NumericLiterals.Length)];
        }

        var value = random.Next(10) switch
        {
            0 => new string((char)('a' + random.Next(26)), random.Next(1, 5000)),
            1 => RandomChars(random),
            _ => HostileStrings[random.Next(HostileStrings.Length)],
        };

        if (original.IsKind(SyntaxKind.InterpolatedStringTextToken))
        {
            // Inside $"..." the braces must be doubled to stay text.
            return value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        }

        return random.Next(8) switch
        {
            0 => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            1 => "\"\"\"\n" + value + "\n\"\"\"",
            2 => "$\"" + value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "{Swarm.NodeHostname}\"",
            3 => "\"" + value + "\" + \"" + value + "\"",
            4 => "null",
            _ => "\"" + value + "\"",
        };
    }

    private static string RandomChars(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(1, 40);
        for (var i = 0; i < length; i++)
        {
            var c = (char)random.Next(0x20, 0x7f);
            text.Append(c is '"' or '\\' ? '_' : c);
        }

        return text.ToString();
    }

    private string Structural(Random random, List<string> description)
    {
        var root = _tree.GetRoot();
        switch (random.Next(4))
        {
            case 0:
            {
                var statement = _statements[random.Next(_statements.Length)];
                description.Add($"duplicate statement at line {Line(statement)}");
                return _seedSource.Insert(statement.FullSpan.End, statement.ToFullString());
            }

            case 1:
            {
                var statement = _callStatements[random.Next(_callStatements.Length)];
                description.Add($"wrap statement at line {Line(statement)} in a lambda");
                var wrapped = random.Next(3) switch
                {
                    0 => $"((System.Action)(() => {statement.Expression}))();",
                    1 => $"System.Action a{random.Next(1000)} = () => {{ {statement} }};",
                    _ => $"new System.Func<object>(() => {statement.Expression})();",
                };
                return _seedSource[..statement.SpanStart] + wrapped + _seedSource[statement.Span.End..];
            }

            case 2:
            {
                var invocation = _invocations[random.Next(_invocations.Length)];
                description.Add($"wrap call at line {Line(invocation)} in a lambda argument");
                var wrapped = $"((System.Func<dynamic>)(() => {invocation}))()";
                return _seedSource[..invocation.SpanStart] + wrapped + _seedSource[invocation.Span.End..];
            }

            default:
            {
                var a = _statements[random.Next(_statements.Length)];
                var b = _statements[random.Next(_statements.Length)];
                if (a.FullSpan.IntersectsWith(b.FullSpan))
                {
                    description.Add($"duplicate statement at line {Line(a)}");
                    return _seedSource.Insert(a.FullSpan.End, a.ToFullString());
                }

                var (first, second) = a.SpanStart < b.SpanStart ? (a, b) : (b, a);
                description.Add($"swap statements at lines {Line(first)} and {Line(second)}");
                return _seedSource[..first.Span.Start] + second + _seedSource[first.Span.End..second.Span.Start] + first + _seedSource[second.Span.End..];
            }
        }
    }

    private static string Line(SyntaxNode node) =>
        (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 40 ? text[..37].ReplaceLineEndings(" ") + "..." : text.ReplaceLineEndings(" ");

    private int[] Indexes(Func<SyntaxToken, bool> predicate) =>
        Enumerable.Range(0, _tokens.Length).Where(i => predicate(_tokens[i])).ToArray();
}
