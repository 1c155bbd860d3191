using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>Letters of a request: printed by the worker, stored encrypted, their SHA-256 on the audit trail.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122050000_Letters")]
public sealed class Letters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RequestLetters",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                StoredName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Length = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                PrintedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestLetters", x => x.Id);
                table.ForeignKey("FK_RequestLetters_Requests_RequestId", x => x.RequestId, "Requests", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RequestLetters_RequestId", "RequestLetters", "RequestId");
        migrationBuilder.CreateIndex("IX_RequestLetters_Status_NextAttemptAtUtc", "RequestLetters", ["Status", "NextAttemptAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "RequestLetters");
}
