namespace PrivacyPortal.Cli;

/// <summary>Entry point of the `portal` command.</summary>
public static class PortalProgram
{
    public static Task<int> Main(string[] args) => PortalCli.RunAsync(args, Console.Out, Console.Error);
}
