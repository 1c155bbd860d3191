using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>When a request was completed, legal holds, and when its personal data was erased.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122070000_Retention")]
public sealed class Retention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "CompletedAtUtc", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "LegalHold", table: "Requests", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "LegalHoldReason", table: "Requests", type: "TEXT", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "PurgedAtUtc", table: "Requests", type: "TEXT", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "CompletedAtUtc", "LegalHold", "LegalHoldReason", "PurgedAtUtc" })
        {
            migrationBuilder.DropColumn(name: column, table: "Requests");
        }
    }
}
