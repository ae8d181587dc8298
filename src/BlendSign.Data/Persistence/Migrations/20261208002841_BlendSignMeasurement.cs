using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlendSign.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BlendSignMeasurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "BlendSignRoiMeanA",
                table: "SliceLabels",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BlendSignRoiMeanB",
                table: "SliceLabels",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BlendSignRoiMeanA",
                table: "SliceLabels");

            migrationBuilder.DropColumn(
                name: "BlendSignRoiMeanB",
                table: "SliceLabels");
        }
    }
}
