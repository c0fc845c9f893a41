/** Server-side Vaadin views: thin, they call the cores and services and render. */
package app.bytewise.ui;
