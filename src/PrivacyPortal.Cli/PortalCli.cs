using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyPortal.Cli.Commands;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Profiles;
using Serilog;

namespace PrivacyPortal.Cli;

/// <summary>The operator's `portal` command: the same configuration and infrastructure as the web app.</summary>
public static class PortalCli
{
    public const string Usage = """
        Usage: portal <verb> [options]

          migrate                          apply database migrations
          copy-database --to-provider Postgres --to CONNECTION
                                           copy this portal (rows, files, key ring) into a new PostgreSQL database
          import-profiles [DIR]            validate and import procedure profiles (default: the configured seeds)
          controllers [--json]             list policies: ids, names, regimes, accepted request types
          fee --controller ID --type TYPE [--json]
                                           the fee for a request type under a policy
          holidays --from DATE --to DATE   Japanese public holidays as CSV: date,japanese name,english name
          business-days --controller ID --from DATE --add N
                                           the Nth business day after DATE on the policy's calendar
          deadline --controller ID --type TYPE --received DATE [--regime appi|gdpr|ccpa]
                   [--pause FROM..TO[:identity|fee|clarification]]... [--as-of DATE] [--extended] [--json]
                                           every date the regime sets, with its explanation
          retention --controller ID --completed DATE [--json]
                                           until when request records are kept, and from when disposed of
          worker                           send the notices outbox until stopped (Ctrl+C or SIGTERM)
          send-test-email --to ADDRESS     check the mail settings with one message
          letter-sample --controller ID --letter acknowledgement|fee-request|extension|decision --lang ja|en [--era] [--post] --out FILE.pdf
                                           a letter with sample data, printed by Chromium
          create-admin --email ADDRESS [--name NAME]
                                           an administrator account; prints a single-use set-password link
          audit verify [--from SEQ] [--chain cases|admin] [--json]
                                           recompute the audit hash chains; names the first broken link
          export requests|audit|admin-audit --from DATE --to DATE [--controller ID] --format csv|jsonl --out FILE
                                           the request log or an audit trail of a period, streamed to FILE
          help                             this text

        Configuration comes from appsettings.json, environment variables (Portal__DataDirectory,
        Database__ConnectionString, ...) and --Section:Key=value arguments.

        Exit codes: 0 ok, 1 failure, 2 usage error, 3 unknown controller or request type, 4 invalid profiles,
        5 audit chain broken.
        """;

    private static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "json", "extended", "era", "post" };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        CommandLine command;
        try
        {
            // Configuration overrides look like --Portal:DataDirectory=/x; keep them away from the verb's options.
            command = CommandLine.Parse(args.Where(a => !IsSetting(a)).ToList(), Flags);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"portal: {ex.Message}{Environment.NewLine}{Usage}");
            return ExitCodes.Usage;
        }

        if (command.Verb is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return ExitCodes.Ok;
        }

        IHost host;
        try
        {
            host = BuildHost(args.Where(IsSetting).ToArray(), settings, worker: command.Verb == "worker");
        }
        catch (InvalidOperationException ex)
        {
            // A deployment setting missing or wrong (PortalKeys.RequireDeploymentSettings, Database:Provider): say which.
            await stderr.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.Failure;
        }

        using var builtHost = host;
        var context = new CommandContext(host.Services, command, stdout, stderr);
        try
        {
            return command.Verb switch
            {
                "migrate" => await MigrateCommand.RunAsync(context),
                "copy-database" => await CopyDatabaseCommand.RunAsync(context),
                "import-profiles" => await ImportProfilesCommand.RunAsync(context),
                "controllers" => await ControllersCommand.RunAsync(context),
                "fee" => await FeeCommand.RunAsync(context),
                "holidays" => await HolidaysCommand.RunAsync(context),
                "business-days" => await BusinessDaysCommand.RunAsync(context),
                "deadline" => await DeadlineCommand.RunAsync(context),
                "retention" => await RetentionCommand.RunAsync(context),
                "worker" => await WorkerCommand.RunAsync(context, host),
                "send-test-email" => await SendTestEmailCommand.RunAsync(context),
                "letter-sample" => await LetterSampleCommand.RunAsync(context),
                "create-admin" => await CreateAdminCommand.RunAsync(context),
                "audit" => await AuditCommand.RunAsync(context),
                "export" => await ExportCommand.RunAsync(context),
                _ => throw new UsageException($"unknown verb '{command.Verb}'."),
            };
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"portal: {ex.Message}{Environment.NewLine}{Usage}");
            return ExitCodes.Usage;
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "year")
        {
            await stderr.WriteLineAsync($"portal: {ex.Message.Split(" (Parameter", 2)[0]}");
            return ExitCodes.Usage;
        }
        catch (Domain.Common.DomainException ex)
        {
            await stderr.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (ProfileLoadException ex)
        {
            await stderr.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.InvalidProfiles;
        }
    }

    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    private static IHost BuildHost(string[] settingArgs, IReadOnlyDictionary<string, string?>? settings, bool worker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = settingArgs,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<IPortalPaths>(PrivacyPortal.Web.Hosting.PortalRoutes.Instance);
        if (!worker)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            // The worker sends emails with links and reads the key ring: the same deployment rules as the web app.
            PortalKeys.RequireDeploymentSettings(builder.Configuration, builder.Environment);
            // The worker logs like the web app: structured, to stderr and the owner-only files in the data folder.
            var dataDirectory = PortalOptions.ResolveDataDirectory(builder.Configuration, builder.Environment.ContentRootPath);
            builder.Services.AddSerilog((_, logger) => PortalLogging.Configure(logger, builder.Configuration, dataDirectory, consoleToStandardError: true));
            builder.Services.PostConfigure<WorkerOptions>(options => options.Enabled = true);
            builder.Services.AddHostedService<Infrastructure.Jobs.PortalJobHost>();
        }

        return builder.Build();
    }
}

public sealed record CommandContext(IServiceProvider Services, CommandLine Command, TextWriter Out, TextWriter Error);
