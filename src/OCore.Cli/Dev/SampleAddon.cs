namespace OCore.Cli.Dev;

/// <summary>
/// The first commit of the sandbox's repository: one small, realistic Odoo 18 addon, so the pipeline has a module to
/// install on the first deployment and to update when a person changes it.
/// </summary>
internal static class SampleAddon
{
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["README.md"] = """
            # odoo-custom

            ACME's Odoo addons, deployed by oCore. Each folder with a `__manifest__.py` is an Odoo module; a push to
            `main` deploys production, to `staging` staging, and `feature/*` gets an environment of its own.

            """,
        ["acme_sale/__init__.py"] = """
            from . import models

            """,
        ["acme_sale/__manifest__.py"] = """
            {
                "name": "ACME Sale",
                "version": "18.0.1.0.0",
                "summary": "A promised delivery date on sales orders",
                "category": "Sales",
                "author": "ACME",
                "license": "LGPL-3",
                "depends": ["sale"],
                "data": ["views/sale_order_views.xml"],
                "installable": True,
            }

            """,
        ["acme_sale/models/__init__.py"] = """
            from . import sale_order

            """,
        ["acme_sale/models/sale_order.py"] = """
            from odoo import fields, models


            class SaleOrder(models.Model):
                _inherit = "sale.order"

                promised_date = fields.Date(
                    string="Promised Date",
                    help="The delivery date promised to the customer.",
                    tracking=True,
                )

            """,
        ["acme_sale/views/sale_order_views.xml"] = """
            <?xml version="1.0" encoding="utf-8"?>
            <odoo>
                <record id="view_order_form_promised_date" model="ir.ui.view">
                    <field name="name">sale.order.form.promised.date</field>
                    <field name="model">sale.order</field>
                    <field name="inherit_id" ref="sale.view_order_form"/>
                    <field name="arch" type="xml">
                        <field name="payment_term_id" position="after">
                            <field name="promised_date"/>
                        </field>
                    </field>
                </record>
            </odoo>

            """,
    };
}
