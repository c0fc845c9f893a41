/**
 * The versioned REST API ({@code /api/v1}): a thin adapter over the cores. Errors are RFC 9457 problem
 * details. Personal endpoints take HTTP Basic credentials on every request; no session is kept.
 */
package app.bytewise.api;
