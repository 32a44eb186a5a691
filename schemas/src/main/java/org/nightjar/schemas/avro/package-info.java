/** Helpers that read generic Avro records by field name, tolerant of schema evolution. */
package org.nightjar.schemas.avro;
