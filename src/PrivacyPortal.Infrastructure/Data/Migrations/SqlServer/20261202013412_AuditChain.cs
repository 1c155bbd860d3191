using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PrivacyPortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_RequestId",
                table: "AuditEvents");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Requests",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Web");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "AuditEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "TextDigest",
                table: "AuditEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AdminAuditEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "AdminAuditEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AdminAuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Chain);
                });

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Chain = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditTexts",
                columns: table => new
                {
                    AuditEventId = table.Column<long>(type: "bigint", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Salt = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTexts", x => x.AuditEventId);
                    table.ForeignKey(
                        name: "FK_AuditTexts_AuditEvents_AuditEventId",
                        column: x => x.AuditEventId,
                        principalTable: "AuditEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransparencyReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ControllerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Figures = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransparencyReports_DataControllers_ControllerId",
                        column: x => x.ControllerId,
                        principalTable: "DataControllers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHeads",
                columns: new[] { "Chain", "Hash", "Seq", "UpdatedAtUtc" },
                values: new object[,]
                {
                    { "admin", "0000000000000000000000000000000000000000000000000000000000000000", 0L, new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { "cases", "0000000000000000000000000000000000000000000000000000000000000000", 0L, new DateTime(2026, 12, 2, 0, 0, 0, 0, DateTimeKind.Utc) }
                });

            // Events written before the chain get a place of their own (negative, unique) until the portal's migrate
            // step seals them in their original order (AuditChainBackfill); the online form was the only channel.
            migrationBuilder.Sql("UPDATE \"AuditEvents\" SET \"Seq\" = -\"Id\"");
            migrationBuilder.Sql("UPDATE \"AdminAuditEvents\" SET \"Seq\" = -\"Id\"");

            // The defaults only filled the rows already there; the model has none.
            foreach (var table in new[] { "AuditEvents", "AdminAuditEvents" })
            {
                migrationBuilder.AlterColumn<long>(name: "Seq", table: table, type: "bigint", nullable: false, oldClrType: typeof(long), oldType: "bigint", oldDefaultValue: 0L);
                migrationBuilder.AlterColumn<string>(name: "Hash", table: table, type: "nvarchar(64)", maxLength: 64, nullable: false, oldClrType: typeof(string), oldType: "nvarchar(64)", oldMaxLength: 64, oldDefaultValue: "");
                migrationBuilder.AlterColumn<string>(name: "PrevHash", table: table, type: "nvarchar(64)", maxLength: 64, nullable: false, oldClrType: typeof(string), oldType: "nvarchar(64)", oldMaxLength: 64, oldDefaultValue: "");
            }

            migrationBuilder.AlterColumn<string>(name: "Channel", table: "Requests", type: "nvarchar(40)", maxLength: 40, nullable: false, oldClrType: typeof(string), oldType: "nvarchar(40)", oldMaxLength: 40, oldDefaultValue: "Web");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AtUtc",
                table: "AuditEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RequestId_Seq",
                table: "AuditEvents",
                columns: new[] { "RequestId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditEvents_Seq",
                table: "AdminAuditEvents",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_Chain_Day",
                table: "AuditCheckpoints",
                columns: new[] { "Chain", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransparencyReports_ControllerId_FiscalYear",
                table: "TransparencyReports",
                columns: new[] { "ControllerId", "FiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditTexts");

            migrationBuilder.DropTable(
                name: "TransparencyReports");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_AtUtc",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_RequestId_Seq",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AdminAuditEvents_Seq",
                table: "AdminAuditEvents");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "TextDigest",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AdminAuditEvents");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "AdminAuditEvents");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AdminAuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RequestId",
                table: "AuditEvents",
                column: "RequestId");
        }
    }
}
