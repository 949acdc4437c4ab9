using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0108: an environment variable whose name says it holds a secret (<c>*PASSWORD*</c>, <c>*SECRET*</c>,
/// <c>*TOKEN*</c>, <c>*KEY*</c>, ...) set to a literal. The value lands in the stack file, in git and in
/// <c>docker service inspect</c>. A <c>${VAR}</c>, a path under <c>/run/secrets/</c>, an empty value and a yes/no
/// switch (<c>ALLOW_EMPTY_PASSWORD=no</c>) are not secrets.
/// </summary>
internal sealed class SecretInPlainEnvironment : StackRule
{
    private static readonly string[] SecretParts = { "PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "COOKIE" };

    private static readonly string[] SecretWords = { "KEY", "APIKEY", "PRIVATEKEY", "ACCESSKEY", "PWD", "PASS" };

    private static readonly string[] SecretTokens = SecretParts.Concat(SecretWords).ToArray();

    // A last word that makes the variable about a secret rather than the secret itself: DB_PASSWORD_FILE, TOKEN_URL.
    private static readonly string[] Qualifiers =
    {
        "FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST", "PORT", "NAME", "ID", "TYPE", "LENGTH", "TTL", "EXPIRY", "TIMEOUT", "PREFIX", "HEADER", "ALGORITHM", "ENABLED",
    };

    private static readonly string[] Switches = { "true", "false", "yes", "no", "on", "off" };

    public const string Id = "IKS0108";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Secret-like environment variable with a literal value",
        "service '{0}' sets the secret-like environment variable '{1}' to a literal value {2}: it ends up in the stack file and in docker service inspect. Use Env.Var(\"{1}\") or a Docker secret (.Secret(...) and {1}_FILE=/run/secrets/...).",
        FindingSeverity.Warning,
        "A literal secret ends up in the stack file, in git and in docker service inspect; use ${VAR} or a Docker secret.");

    public override RuleDefinition Definition => Rule;

    /// <summary>True when <paramref name="name"/> looks like it holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        // Every word the checks below accept holds one of the secret parts or words, so a name holding none of them
        // is answered without splitting it (the rules ask this of every variable of every service in every scope).
        var upper = name.ToUpperInvariant();
        if (!HoldsSecretToken(upper))
        {
            return false;
        }

        var words = upper.Split(new[] { '_', '-', '.' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || Qualifiers.Contains(words[words.Length - 1], StringComparer.Ordinal))
        {
            return false;
        }

        return words.Any(w => SecretWords.Contains(w, StringComparer.Ordinal) || SecretParts.Any(p => w.IndexOf(p, StringComparison.Ordinal) >= 0));
    }

    private static bool HoldsSecretToken(string upper)
    {
        foreach (var token in SecretTokens)
        {
            if (upper.IndexOf(token, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="value"/> is written into the stack file as it is.</summary>
    public static bool IsLiteral(string value) =>
        value.Length > 0
        && !Names.HasInterpolation(value)
        && !value.StartsWith("/run/secrets/", StringComparison.Ordinal)
        && !Switches.Contains(value, StringComparer.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            for (var i = 0; i < service.Environment.Count; i++)
            {
                var entry = service.Environment[i];
                if (!IsSecretName(entry.Key) || !IsLiteral(entry.Value))
                {
                    continue;
                }

                // The value itself never goes into the message: it would leak into build logs.
                yield return scope.Warn(Rule, service, ServiceSettings.Environment(entry.Key), service.Name, entry.Key, scope.Phrase);
            }
        }
    }
}
