namespace PrivacyPortal.Cli;

/// <summary>"verb --option value --flag positional": the little the operator verbs need.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options;
    private readonly HashSet<string> _flags;

    private CommandLine(string verb, Dictionary<string, List<string>> options, HashSet<string> flags, List<string> positionals)
    {
        Verb = verb;
        _options = options;
        _flags = flags;
        Positionals = positionals;
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positionals { get; }

    /// <param name="flagNames">Options that take no value, such as "json".</param>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(flagNames);
        var verb = args.Count > 0 ? args[0] : "help";
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                Add(options, name[..equals], name[(equals + 1)..]);
            }
            else if (flagNames.Contains(name))
            {
                flags.Add(name);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Add(options, name, args[++i]);
            }
            else
            {
                throw new UsageException($"--{name} needs a value.");
            }
        }

        return new CommandLine(verb, options, flags, positionals);
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>A YYYY-MM-DD date option; a missing or malformed one is a usage error.</summary>
    public DateOnly Date(string name) => ParseDate(name, Required(name));

    public int WholeNumber(string name) =>
        int.TryParse(Required(name), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a whole number.");

    public static DateOnly ParseDate(string name, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--{name} must be a date written YYYY-MM-DD, not '{value}'.");

    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"--{name} is required.");

    private static void Add(Dictionary<string, List<string>> options, string name, string value)
    {
        if (!options.TryGetValue(name, out var values))
        {
            values = [];
            options[name] = values;
        }

        values.Add(value);
    }
}

/// <summary>The command line itself is wrong; exit code 2 with the message and the usage.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
