/**
 * Lessons: Markdown with front matter in {@code content/lessons}, whose formula-derived numbers are
 * directives evaluated by the engine, rendered to HTML with math left for KaTeX. Pure Java.
 */
package app.bytewise.lesson;
