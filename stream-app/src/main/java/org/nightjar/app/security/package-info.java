/**
 * Access to the Kafka cluster: a check of the credentials before anything starts, and the one
 * clear message, without secrets, when the cluster refuses them at start or later.
 */
package org.nightjar.app.security;
