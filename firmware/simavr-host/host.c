/* Runs AVR firmware in simavr with UART0 wired to standard input and output (binary, unbuffered frames),
 * so a test or the Hearth gateway can talk to an emulated board through a pipe. Many boards can run in
 * parallel, each in its own process. SIGUSR1 resets the board (as its reset button would); SIGUSR2 prints
 * the emulated cycle count on stderr ("cycles N"), to measure the time the firmware itself takes.
 * Usage: hearth-simavr FIRMWARE.elf [MCU] [FREQUENCY]   (defaults: atmega328p, 16000000) */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/avr_uart.h>
#include <simavr/sim_irq.h>

static volatile sig_atomic_t reset_requested, cycles_requested;
static int xon = 1;
static uint8_t out[4096];
static size_t out_length;

static void on_reset(int signal) { (void)signal; reset_requested = 1; }
static void on_cycles(int signal) { (void)signal; cycles_requested = 1; }

static void flush_out(void) {
    size_t done = 0;
    while (done < out_length) {
        ssize_t n = write(STDOUT_FILENO, out + done, out_length - done);
        if (n < 0 && errno != EINTR && errno != EAGAIN) exit(0); /* the reader went away */
        if (n > 0) done += (size_t)n;
    }
    out_length = 0;
}

static void uart_output(struct avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq; (void)param;
    out[out_length++] = (uint8_t)value;
    if (value == 0 || out_length == sizeof out) flush_out(); /* a frame ends with 0x00 */
}

static void uart_xon(struct avr_irq_t *irq, uint32_t value, void *param) { (void)irq; (void)value; (void)param; xon = 1; }
static void uart_xoff(struct avr_irq_t *irq, uint32_t value, void *param) { (void)irq; (void)value; (void)param; xon = 0; }

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FIRMWARE.elf [MCU] [FREQUENCY]\n", argv[0]);
        return 2;
    }
    const char *mcu = argc > 2 ? argv[2] : "atmega328p";
    elf_firmware_t firmware;
    memset(&firmware, 0, sizeof firmware);
    if (elf_read_firmware(argv[1], &firmware) != 0) {
        fprintf(stderr, "cannot read firmware %s\n", argv[1]);
        return 2;
    }
    avr_t *avr = avr_make_mcu_by_name(mcu);
    if (!avr) {
        fprintf(stderr, "unknown MCU %s\n", mcu);
        return 2;
    }
    avr_init(avr);
    avr->log = LOG_ERROR;
    firmware.frequency = argc > 3 ? strtoul(argv[3], NULL, 10) : 16000000UL;
    avr_load_firmware(avr, &firmware);

    uint32_t flags = 0;
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~AVR_UART_FLAG_STDIO; /* bytes go to our pipe, not to simavr's console */
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_output, NULL);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XON), uart_xon, NULL);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XOFF), uart_xoff, NULL);
    avr_irq_t *input = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);

    signal(SIGUSR1, on_reset);
    signal(SIGUSR2, on_cycles);
    signal(SIGPIPE, SIG_IGN);
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    uint8_t in[4096];
    ssize_t in_length = 0, in_at = 0;
    unsigned long idle = 0;
    for (;;) {
        if (reset_requested) {
            reset_requested = 0;
            avr_reset(avr);
        }
        if (cycles_requested) {
            cycles_requested = 0;
            fprintf(stderr, "cycles %" PRIu64 "\n", (uint64_t)avr->cycle);
        }
        if (in_at < in_length) {
            if (xon) avr_raise_irq(input, in[in_at++]);
        } else if (++idle % 1024 == 0) {
            ssize_t n = read(STDIN_FILENO, in, sizeof in);
            if (n > 0) {
                in_length = n;
                in_at = 0;
            } else if (n == 0) {
                return 0; /* the host closed the line */
            }
        }
        int state = avr_run(avr);
        if (state == cpu_Done || state == cpu_Crashed) {
            fprintf(stderr, "the firmware stopped (state %d)\n", state);
            return 1;
        }
    }
}
