using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Iklim.StackSdk.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Iklim.StackSdk.Emitting;

/// <summary>
/// A thin layer over YamlDotNet's emitter that decides every scalar's quoting. A string is written plain only
/// when no YAML 1.1 or 1.2 reader (Docker's, yamllint's, a human's) can take it for anything but that string;
/// everything else is double-quoted, with escapes for control characters and line breaks. A compose file's values
/// are written as Docker must read them to hand the container the model's text (<see cref="Interpolation.ToCompose"/>);
/// keys, which Docker does not interpolate, and the values of any other file show references with a plain <c>$</c>.
/// </summary>
internal sealed class YamlWriter
{
    private static readonly string[] Reserved =
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
    };

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly IEmitter _emitter;
    private readonly bool _interpolated;

    public YamlWriter(params string[] headerComments)
        : this(false, headerComments)
    {
    }

    private YamlWriter(bool interpolated, string[] headerComments)
    {
        _interpolated = interpolated;
        _emitter = new Emitter(_text, new EmitterSettings(2, int.MaxValue, false, 1024, true, true, "\n", false));
        _emitter.Emit(new StreamStart());
        foreach (var comment in headerComments)
        {
            _emitter.Emit(new Comment(comment, false));
        }

        _emitter.Emit(new DocumentStart(null, null, false));
    }

    /// <summary>A writer for a compose file, whose values Docker interpolates.</summary>
    public static YamlWriter ForCompose(params string[] headerComments) => new(true, headerComments);

    public YamlWriter BeginMapping()
    {
        _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        return this;
    }

    public YamlWriter BeginEmptyFlowMapping()
    {
        _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
        _emitter.Emit(new MappingEnd());
        return this;
    }

    public YamlWriter EndMapping()
    {
        _emitter.Emit(new MappingEnd());
        return this;
    }

    public YamlWriter BeginSequence()
    {
        _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        return this;
    }

    public YamlWriter EndSequence()
    {
        _emitter.Emit(new SequenceEnd());
        return this;
    }

    public YamlWriter String(string value) => Text(_interpolated ? Interpolation.ToCompose(value) : Interpolation.ToDisplay(value));

    public YamlWriter Key(string key) => Text(Interpolation.ToDisplay(key));

    private YamlWriter Text(string value)
    {
        var style = IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain));
        return this;
    }

    public YamlWriter Number(long value)
    {
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
        return this;
    }

    /// <summary>A number already in invariant form, written plain so that YAML reads it as a number.</summary>
    public YamlWriter Number(string invariantText)
    {
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, invariantText, ScalarStyle.Plain, true, false));
        return this;
    }

    public YamlWriter Boolean(bool value)
    {
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value ? "true" : "false", ScalarStyle.Plain, true, false));
        return this;
    }

    public YamlWriter Strings(System.Collections.Generic.IEnumerable<string> values)
    {
        BeginSequence();
        foreach (var value in values)
        {
            String(value);
        }

        return EndSequence();
    }

    public string Finish()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
        return _text.ToString();
    }

    /// <summary>
    /// Plain style only for strings of letters, digits and <c>_ . / - + @ = $ { }</c> (with inner <c>:</c> allowed),
    /// starting with a letter, '_', '/' or '$', and not a word some YAML version reads as a boolean, null or number.
    /// Braces are safe inside a block-context plain scalar, so <c>${DATA_DIR:-data}:/data</c> stays as people write it.
    /// </summary>
    internal static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || value.Length > 200)
        {
            return false;
        }

        var first = value[0];
        if (!(IsAsciiLetter(first) || first == '_' || first == '/' || first == '$'))
        {
            return false;
        }

        if (value[value.Length - 1] == ':' || !value.All(c => IsAsciiLetter(c) || (c >= '0' && c <= '9') || "_./-+@=:${}".IndexOf(c) >= 0))
        {
            return false;
        }

        return !Reserved.Contains(value.ToLowerInvariant());
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
