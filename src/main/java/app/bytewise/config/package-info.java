/** Cross-cutting start-up wiring: demo data and the start-up message. */
package app.bytewise.config;
