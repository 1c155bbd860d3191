using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyPortal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenQueueAcrossControllers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_DueOn_Reference",
                table: "Requests",
                columns: new[] { "DueOn", "Reference" },
                filter: "\"Status\" IN ('Received', 'AwaitingIdentity', 'AwaitingFee', 'InReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_DueOn_Reference",
                table: "Requests");
        }
    }
}
