using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
PortalKeys.RequireDeploymentSettings(builder.Configuration, builder.Environment);
builder.AddPortalLogging();
builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb(builder.Configuration);

var app = builder.Build();
app.UsePortalWeb();
await app.RunAsync();

/// <summary>The web host's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
