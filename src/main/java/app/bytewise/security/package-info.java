/** User accounts stored in the database, roles, sign-in and sign-up. */
package app.bytewise.security;
