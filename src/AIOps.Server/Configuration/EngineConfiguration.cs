using System.Collections;
using System.ComponentModel;
using System.Reflection;
using AIOps.Server.Options;
using Microsoft.Extensions.Configuration;

namespace AIOps.Server.Configuration;

/// <summary>
/// Builds <see cref="EngineOptions"/> from, lowest precedence first: the defaults in code, a JSON file
/// (<c>--config FILE</c>, else ./appsettings.json when present), <c>AIOPS_*</c> environment variables
/// (<c>__</c> separates sections), and CLI flags. Every problem is collected before failing.
/// </summary>
public static class EngineConfiguration
{
    public const string EnvironmentPrefix = "AIOPS_";
    public const string DefaultFile = "appsettings.json";

    /// <summary>Top-level sections that belong to ASP.NET Core itself, tolerated in the same file.</summary>
    private static readonly string[] HostSections = ["Logging", "AllowedHosts", "Kestrel"];

    /// <summary>
    /// Layers the sources. <paramref name="environment"/> defaults to the process environment (tests pass
    /// their own); <paramref name="flags"/> are configuration keys set by CLI flags.
    /// </summary>
    public static IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string?>? flags = null, IDictionary? environment = null)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new EngineConfigurationException([$"configuration file '{path}' does not exist"]);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        else if (File.Exists(Path.GetFullPath(DefaultFile)))
        {
            builder.AddJsonFile(Path.GetFullPath(DefaultFile), optional: true, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(EnvironmentEntries(environment ?? Environment.GetEnvironmentVariables()));
        if (flags is not null)
        {
            builder.AddInMemoryCollection(flags);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            // A malformed JSON file: the JSON provider's message names the file, line and position.
            throw new EngineConfigurationException([ex.Message + (ex.InnerException is null ? string.Empty : " " + ex.InnerException.Message)]);
        }
    }

    /// <summary>Binds and validates; throws <see cref="EngineConfigurationException"/> listing every problem.</summary>
    public static EngineOptions Load(IConfiguration configuration)
    {
        var options = new EngineOptions();
        var problems = new List<string>();
        Bind(configuration, options, problems);
        problems.AddRange(EngineOptionsValidator.Validate(options));
        if (problems.Count > 0)
        {
            throw new EngineConfigurationException(problems);
        }

        return options;
    }

    /// <summary>Shorthand for <see cref="Build"/> then <see cref="Load(IConfiguration)"/>.</summary>
    public static EngineOptions Load(string? configFile, IReadOnlyDictionary<string, string?>? flags = null, IDictionary? environment = null) =>
        Load(Build(configFile, flags, environment));

    /// <summary>
    /// The same mapping as the EnvironmentVariables provider (strip the prefix, <c>__</c> becomes <c>:</c>), plus one
    /// rule for librdkafka keys, which are lower-case and dotted: systemd and older Kubernetes reject dots in
    /// variable names, so <c>AIOPS_Kafka__ClientConfig__SASL_PASSWORD</c> means <c>sasl.password</c>.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string?>> EnvironmentEntries(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > EnvironmentPrefix.Length)
            {
                var key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                if (key.StartsWith(ClientConfigPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > ClientConfigPrefix.Length)
                {
                    key = ConfigurationKeys.ClientConfig + ":" + key[ClientConfigPrefix.Length..].Replace('_', '.').ToLowerInvariant();
                }

                yield return new(key, entry.Value as string);
            }
        }
    }

    private const string ClientConfigPrefix = ConfigurationKeys.ClientConfig + ":";

    /// <summary>
    /// Setting by setting (the binder stops at the first bad value), so one problem does not hide the others.
    /// Scalars are converted here; dictionaries and lists go through the configuration binder.
    /// </summary>
    private static void Bind(IConfiguration configuration, object target, List<string> problems)
    {
        foreach (var section in configuration.GetChildren())
        {
            var property = target.GetType().GetProperty(section.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                if (target is not EngineOptions || !HostSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{section.Path}: unknown setting (known: {string.Join(", ", KnownSettings(target.GetType()))})");
                }

                continue;
            }

            try
            {
                if (IsScalar(property.PropertyType))
                {
                    BindScalar(section, property, target);
                }
                else if (property.GetValue(target) is IEnumerable collection and not string)
                {
                    // A configured dictionary or list replaces the default (the binder would add to it), so an
                    // operator can drop topics, e.g. consume only otlp_*.
                    if (collection is IDictionary dictionary && section.GetChildren().Any())
                    {
                        dictionary.Clear();
                    }

                    section.Bind(collection, binder => binder.ErrorOnUnknownConfiguration = true);
                }
                else
                {
                    var child = property.GetValue(target) ?? Activator.CreateInstance(property.PropertyType)!;
                    Bind(section, child, problems);
                    property.SetValue(target, child);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or NotSupportedException or ArgumentException or MissingMethodException)
            {
                problems.Add($"{section.Path}: {Describe(ex)}");
            }
        }
    }

    private static void BindScalar(IConfigurationSection section, PropertyInfo property, object target)
    {
        if (section.Value is null && section.GetChildren().Any())
        {
            throw new InvalidOperationException("expected a value, found a section");
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? value;
        try
        {
            // JSON null (as `config show` prints an unset setting) and an empty non-string value mean "unset".
            value = section.Value is null || (section.Value.Length == 0 && type != typeof(string))
                ? null
                : TypeDescriptor.GetConverter(type).ConvertFromInvariantString(section.Value);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
        {
            var expected = type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}" : $"a valid {type.Name}";
            throw new FormatException($"'{section.Value}' is not {expected}", ex);
        }

        if (value is null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
        {
            throw new FormatException($"a value of type {type.Name} is required");
        }

        property.SetValue(target, value);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTimeOffset) || t == typeof(Uri);
    }

    private static IEnumerable<string> KnownSettings(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);

    // Our own FormatExceptions already say what was expected; the binder's get the converter's reason appended.
    private static string Describe(Exception ex) =>
        ex is FormatException || ex.InnerException is null || ex.Message.Contains(ex.InnerException.Message, StringComparison.Ordinal)
            ? ex.Message
            : $"{ex.Message} ({ex.InnerException.Message})";
}
