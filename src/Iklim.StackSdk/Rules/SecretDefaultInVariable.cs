using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0112: a secret-like environment variable (as IKS0108 names them) whose value is a deploy-time variable with a
/// literal default, <c>${ADMIN_PASSWORD:-admin}</c>. IKS0108 leaves every <c>${...}</c> alone, but the default is
/// written into the stack file, and a deploy without the variable set runs with it. An empty default, a default
/// that is itself a <c>${VAR}</c>, a <c>/run/secrets/</c> path and a yes/no switch are not secrets.
/// </summary>
internal sealed class SecretDefaultInVariable : StackRule
{
    public const string Id = "IKS0112";

    // The body of ${NAME:-default} and ${NAME-default}, as Env writes it.
    private static readonly Regex WithDefault = new(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*):?-(?<default>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Secret-like variable with a literal default",
        "service '{0}' sets the secret-like environment variable '{1}' to ${{{2}}} with a literal default {3}: a deploy without {2} set runs with that default, and it is written in the stack file and in git. Use Env.Var(\"{2}\") without a default, or a Docker secret.",
        FindingSeverity.Warning,
        "The default of ${VAR:-default} is written into the stack file; for a password or token it is a secret in git and the value used whenever the variable is unset.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            foreach (var entry in service.Environment.Where(e => SecretInPlainEnvironment.IsSecretName(e.Key)))
            {
                // The default itself never goes into the message: it would leak into build logs.
                if (LiteralDefaultOf(entry.Value) is { } variable)
                {
                    yield return scope.Warn(Rule, service, ServiceSettings.Environment(entry.Key), service.Name, entry.Key, variable, scope.Phrase);
                }
            }
        }
    }

    /// <summary>The variable of the first <c>${VAR:-default}</c> in <paramref name="value"/> whose default is a literal, or null.</summary>
    public static string? LiteralDefaultOf(string value) => Interpolation.Parts(value)
        .Where(p => p.IsReference)
        .Select(p => WithDefault.Match(p.Text))
        .FirstOrDefault(m => m.Success && SecretInPlainEnvironment.IsLiteral(m.Groups["default"].Value) && m.Groups["default"].Value.IndexOf('$') < 0)
        ?.Groups["name"].Value;
}
