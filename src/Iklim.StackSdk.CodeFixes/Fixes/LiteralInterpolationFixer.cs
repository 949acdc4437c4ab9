using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Text;
using Iklim.StackSdk.Analyzers;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// IKS0115: rewrites each string literal argument of the flagged call that holds a <c>${...}</c> into the
/// <see cref="Env"/> call that makes it, inside an interpolated string when there is text around it. A literal with a
/// <c>${...}</c> no Env call makes (a message with '-') is left as it is, and so are constants and interpolated strings.
/// </summary>
/// <example><code>
/// .Label("traefik.http.routers.api.rule", "Host(`${DOMAIN}`)")   // becomes
/// .Label("traefik.http.routers.api.rule", $"Host(`{Env.Var("DOMAIN")}`)")
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LiteralInterpolationFixer))]
[Shared]
public sealed class LiteralInterpolationFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Use Env.Var".</summary>
    public const string UseEnvKey = RuleIdentifiers.LiteralInterpolation + ".UseEnv";

    /// <summary>The fixer of IKS0115.</summary>
    public LiteralInterpolationFixer()
        : base(RuleIdentifiers.LiteralInterpolation)
    {
    }

    private protected override IReadOnlyList<string> Builders { get; } = new[]
    {
        FlaggedCall.ServiceBuilderMetadataName, "Iklim.StackSdk.INetworkBuilder", "Iklim.StackSdk.IVolumeBuilder",
        "Iklim.StackSdk.IFileResourceBuilder", "Iklim.StackSdk.INodeBuilder", "Iklim.StackSdk.IGatewayBuilder",
        "Iklim.StackSdk.IUpstreamBuilder", "Iklim.StackSdk.IRouteBuilder", "Iklim.StackSdk.IGlobalRuleBuilder",
    };

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var argument in call.Invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && WithEnv(literal.Token.ValueText) is { } source)
            {
                var expression = SyntaxFactory.ParseExpression(source);
                var envTypes = expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Where(m => m.ToString() == EnvType);
                replacements.Add(literal, expression.ReplaceNodes(envTypes, (_, type) => type.WithAdditionalAnnotations(Simplifier.Annotation)).WithTriviaFrom(literal));
            }
        }

        if (replacements.Count == 0)
        {
            return;
        }

        var fixedCall = call.Invocation.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        context.RegisterCodeFix(
            CodeAction.Create("Use Env.Var", cancellationToken => ReplaceAsync(context.Document, call.Invocation, fixedCall, cancellationToken), UseEnvKey),
            diagnostic);
    }

    // The C# expression for text whose ${...} become Env calls, or null when one of them cannot.
    private static string? WithEnv(string text)
    {
        var matches = Interpolation.ComposeReference.Matches(text).Cast<System.Text.RegularExpressions.Match>().ToList();
        var calls = matches.Select(m => EnvSource.Call(m.Groups["body"].Value, Literal)).ToList();
        if (matches.Count == 0 || calls.Any(c => c is null))
        {
            return null;
        }

        if (matches.Count == 1 && matches[0].Length == text.Length)
        {
            return Qualified(calls[0]!);
        }

        var body = new StringBuilder("$\"");
        var at = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            body.Append(InterpolatedText(text.Substring(at, matches[i].Index - at))).Append('{').Append(Qualified(calls[i]!)).Append('}');
            at = matches[i].Index + matches[i].Length;
        }

        return body.Append(InterpolatedText(text.Substring(at))).Append('"').ToString();
    }

    // Qualified so the fix compiles without a using; the simplifier writes Env.Var where the using is there. Not with
    // 'global::': inside an interpolation hole, a ':' starts the format.
    private const string EnvType = "Iklim.StackSdk.Env";

    private static string Qualified(string call) => "Iklim.StackSdk." + call;

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string InterpolatedText(string text)
    {
        // Quoted, so that '"' is escaped too, then without the quotes.
        var quoted = Literal(text);
        return quoted.Substring(1, quoted.Length - 2).Replace("{", "{{").Replace("}", "}}");
    }
}
