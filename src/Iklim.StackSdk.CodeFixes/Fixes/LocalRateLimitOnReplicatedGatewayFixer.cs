using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using Iklim.StackSdk.Analyzers;
using Iklim.StackSdk.Rules;
using Iklim.StackSdk.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Iklim.StackSdk.CodeFixes.Fixes;

/// <summary>
/// IKS0102: switches the flagged <c>LimitCount</c> to <c>policy: RateLimitPolicy.Redis</c> on the stack's Redis
/// service, so that every gateway task shares one counter. The host is the service (named <c>redis</c> when there
/// is one, else the first service running a <c>redis</c> image that is not a replica), the port its
/// <c>REDIS_PORT_NUMBER</c> or published target port, else 6379, and the password the variable its
/// <c>REDIS_PASSWORD</c> is set from, through <c>Env.Var</c> (the SDK accepts no literal password). Offered only
/// when the stack has a Redis service and the call sets no Redis settings positionally.
/// </summary>
/// <example><code>
/// .GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true))   // becomes
/// .GlobalRule("1", rule => rule.LimitCount(60, 60, allowDegradation: true, policy: RateLimitPolicy.Redis, redisHost: "redis", redisPort: 6379, redisPassword: Env.Var("REDIS_PASSWORD")))
/// </code></example>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LocalRateLimitOnReplicatedGatewayFixer))]
[Shared]
public sealed class LocalRateLimitOnReplicatedGatewayFixer : StackCallFixer
{
    /// <summary>The equivalence key of "Use policy redis with service '...'".</summary>
    public const string UseRedisKey = RuleIdentifiers.LocalRateLimitOnReplicatedGateway + ".UseRedis";

    private const string DefaultPasswordVariable = "REDIS_PASSWORD";
    private const int DefaultRedisPort = 6379;

    // LimitCount's parameters from `policy` on; a fix replaces what the call names of them.
    private static readonly string[] RedisParameters = { "policy", "redisHost", "redisPort", "redisPassword", "redisClusterNodes", "redisClusterName" };
    private const int PolicyPosition = 5;

    /// <summary>The fixer of IKS0102.</summary>
    public LocalRateLimitOnReplicatedGatewayFixer()
        : base(RuleIdentifiers.LocalRateLimitOnReplicatedGateway)
    {
    }

    private protected override IReadOnlyList<string> Builders { get; } = new[] { "Iklim.StackSdk.IRouteBuilder", "Iklim.StackSdk.IGlobalRuleBuilder" };

    private protected override void RegisterFixes(CodeFixContext context, Diagnostic diagnostic, FlaggedCall call, SemanticModel model)
    {
        var arguments = call.Invocation.ArgumentList.Arguments;
        if (call.Name != "LimitCount"
            || arguments.Count(a => a.NameColon is null) > PolicyPosition
            || call.Invocation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } configure
            || RedisService.Find(configure, model, context.CancellationToken) is not { } redis)
        {
            return;
        }

        var kept = arguments.Where(a => a.NameColon is null || !RedisParameters.Contains(a.NameColon.Name.Identifier.ValueText, StringComparer.Ordinal));
        var added = new[]
        {
            Named("policy", ParseExpression("global::Iklim.StackSdk.RateLimitPolicy.Redis").WithAdditionalAnnotations(Simplifier.Annotation)),
            Named("redisHost", LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(redis.Host))),
            Named("redisPort", LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(redis.Port))),
            Named("redisPassword", InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParseName("global::Iklim.StackSdk.Env").WithAdditionalAnnotations(Simplifier.Annotation), IdentifierName("Var")),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(redis.PasswordVariable))))))),
        };
        var list = call.Invocation.ArgumentList
            .WithArguments(SeparatedList(kept.Select(a => a.WithoutTrivia()).Concat(added)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var fixedCall = call.Invocation.WithArgumentList(list.WithTriviaFrom(call.Invocation.ArgumentList));
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use policy redis with service '{redis.Host}'",
                cancellationToken => ReplaceAsync(context.Document, call.Invocation, fixedCall, cancellationToken),
                UseRedisKey),
            diagnostic);
    }

    private static ArgumentSyntax Named(string name, ExpressionSyntax value) => Argument(value).WithNameColon(NameColon(IdentifierName(name)));

    /// <summary>The Redis service a <c>Configure</c> method declares: host, port and the variable of its password.</summary>
    private sealed record RedisService(string Host, int Port, string PasswordVariable)
    {
        private const string RedisImage = "redis";

        public static RedisService? Find(MethodDeclarationSyntax configure, SemanticModel model, CancellationToken cancellationToken)
        {
            var services = new List<(string Name, Dictionary<string, List<InvocationExpressionSyntax>> Calls)>();
            foreach (var declaration in configure.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => Name(i) == "Service"))
            {
                if (model.GetSymbolInfo(declaration, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { Name: "IStackScope", ContainingNamespace.Name: "StackSdk" } }
                    || Constant(declaration, 0, model, cancellationToken) is not string name)
                {
                    continue;
                }

                var calls = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
                for (var node = declaration; node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next }; node = next)
                {
                    var method = Name(next)!;
                    if (!calls.TryGetValue(method, out var list))
                    {
                        calls[method] = list = new List<InvocationExpressionSyntax>();
                    }

                    list.Add(next);
                }

                services.Add((name, calls));
            }

            var redis = services
                .Where(s => Calls(s.Calls, "Image").Any(i => Constant(i, 0, model, cancellationToken) is string image && ServiceTraits.ImageName(image) == RedisImage)
                    && !Environment(s.Calls, "REDIS_REPLICATION_MODE", model, cancellationToken).Any(m => m is "slave" or "replica"))
                .OrderBy(s => s.Name == RedisImage ? 0 : 1)
                .FirstOrDefault();
            if (redis.Name is null)
            {
                return null;
            }

            // The port and the password may be set in several scopes of the service: any of them names the variable.
            var port = Environment(redis.Calls, "REDIS_PORT_NUMBER", model, cancellationToken)
                .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
                .FirstOrDefault(p => p is not null)
                ?? Calls(redis.Calls, "Port").Select(p => Constant(p, 1, model, cancellationToken) as int?).FirstOrDefault(p => p is not null)
                ?? DefaultRedisPort;
            var password = Environment(redis.Calls, "REDIS_PASSWORD", model, cancellationToken)
                .Select(VariableOf)
                .FirstOrDefault(v => v is not null) ?? DefaultPasswordVariable;
            return new RedisService(redis.Name, port, password);
        }

        private static IEnumerable<InvocationExpressionSyntax> Calls(Dictionary<string, List<InvocationExpressionSyntax>> calls, string method) =>
            calls.TryGetValue(method, out var list) ? list : Enumerable.Empty<InvocationExpressionSyntax>();

        private static IEnumerable<string> Environment(Dictionary<string, List<InvocationExpressionSyntax>> calls, string variable, SemanticModel model, CancellationToken cancellationToken) =>
            Calls(calls, "Environment")
                .Where(e => Constant(e, 0, model, cancellationToken) as string == variable)
                .Select(e => Constant(e, 1, model, cancellationToken) as string ?? ValueOfEnvVar(e, model, cancellationToken))
                .OfType<string>();

        // `Env.Var("X")` is not a constant; read its name so the password keeps coming from the same variable.
        private static string? ValueOfEnvVar(InvocationExpressionSyntax environment, SemanticModel model, CancellationToken cancellationToken) =>
            environment.ArgumentList.Arguments.Count > 1
            && environment.ArgumentList.Arguments[1].Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } envVar
            && model.GetSymbolInfo(envVar, cancellationToken).Symbol is IMethodSymbol { Name: "Var", ContainingType.Name: "Env" }
            && Constant(envVar, 0, model, cancellationToken) is string name
                ? Env.Var(name)
                : null;

        // A literal "${X}" is text that reaches the container as written, not a variable.
        private static string? VariableOf(string value) => GatewayRequire.IsVariable(value) ? GatewayRequire.VariableName(value) : null;

        private static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        private static object? Constant(InvocationExpressionSyntax invocation, int index, SemanticModel model, CancellationToken cancellationToken) =>
            invocation.ArgumentList.Arguments.Count > index
                ? model.GetConstantValue(invocation.ArgumentList.Arguments[index].Expression, cancellationToken) is { HasValue: true } value ? value.Value : null
                : null;
    }
}
