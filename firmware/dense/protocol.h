/* Hearth device protocol, version 1 (docs/devices.md): COBS-framed packets, each ended by a 0x00 byte.
 * Packet = type (1 byte), sequence (1 byte), body, CRC-16/CCITT-FALSE of type..body (2 bytes, little-endian). */
#ifndef HEARTH_PROTOCOL_H
#define HEARTH_PROTOCOL_H

#define PROTOCOL_VERSION 1

#define MSG_HELLO 0x01         /* device -> host: who I am, what I can do */
#define MSG_HELLO_REQUEST 0x02 /* host -> device: announce yourself again */
#define MSG_INFER 0x10         /* host -> device: count (1 byte), then count x IN_DIM int8 inputs */
#define MSG_RESULT 0x11        /* device -> host: count (1 byte), then count x OUT_DIM int32 (little-endian) */
#define MSG_ERROR 0x7F         /* device -> host: error code (1 byte) */

#define ERR_CRC 1
#define ERR_UNKNOWN_TYPE 2
#define ERR_BAD_LENGTH 3
#define ERR_TOO_LONG 4

#define OP_INT8_DENSE 0x01

#endif
