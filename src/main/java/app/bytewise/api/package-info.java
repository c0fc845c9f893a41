/** The versioned REST API ({@code /api/v1}): a thin adapter over the cores. Errors are RFC 9457 problem details. */
package app.bytewise.api;
