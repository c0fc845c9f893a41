/**
 * Cross-cutting failure handling: telling an outage of the database (worth retrying, nothing saved)
 * from a bug, for the API's problem details and the UI's error messages alike.
 */
package app.bytewise.failure;
