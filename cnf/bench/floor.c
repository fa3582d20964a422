/*
 * The machine's floor for dhcp.py --floor: a UDP echo that does no work, and a client that sends to it at a steady
 * rate and times each round trip. What the largest round trip holds is the machine's own (the scheduler, the
 * hypervisor, other programs), since the echo itself takes microseconds.
 *
 *   floor echo ADDRESS          binds ADDRESS on a free port, prints the port, answers every datagram with itself
 *   floor client ADDRESS PORT RATE SECONDS
 *                               sends RATE datagrams a second for SECONDS, each carrying its send time, and prints
 *                               "sent N answered N largest X ms over 1 ms N over 4 ms N over 8 ms N"
 *
 * Pin each with taskset (the benchmark runs the echo on the servers' core and the client on perfdhcp's).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double seconds_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int echo(struct sockaddr_in *address) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    socklen_t length = sizeof *address;
    if (fd < 0 || bind(fd, (struct sockaddr *) address, length) < 0
            || getsockname(fd, (struct sockaddr *) address, &length) < 0) {
        perror("floor echo");
        return 1;
    }
    printf("%d\n", ntohs(address->sin_port));
    fflush(stdout);
    for (;;) {
        char datagram[64];
        struct sockaddr_in peer;
        socklen_t peer_length = sizeof peer;
        ssize_t n = recvfrom(fd, datagram, sizeof datagram, 0, (struct sockaddr *) &peer, &peer_length);
        if (n > 0) {
            sendto(fd, datagram, (size_t) n, 0, (struct sockaddr *) &peer, peer_length);
        }
    }
}

struct tally {
    int fd;
    volatile int sending;
    long answered, over1, over4, over8;
    double largest_ms;
};

static void *receive(void *argument) {
    struct tally *tally = argument;
    for (;;) {
        double sent;
        ssize_t n = recv(tally->fd, &sent, sizeof sent, 0);
        if (n == sizeof sent) {
            double ms = (seconds_now() - sent) * 1000.0;
            tally->answered++;
            tally->over1 += ms > 1.0;
            tally->over4 += ms > 4.0;
            tally->over8 += ms > 8.0;
            if (ms > tally->largest_ms) {
                tally->largest_ms = ms;
            }
        } else if (!tally->sending) {  /* timed out after the last send: all that will come has come */
            return NULL;
        }
    }
}

static int client(struct sockaddr_in *address, double rate, double seconds) {
    struct tally tally = {.fd = socket(AF_INET, SOCK_DGRAM, 0), .sending = 1};
    struct timeval patience = {.tv_sec = 1, .tv_usec = 0};
    if (tally.fd < 0 || connect(tally.fd, (struct sockaddr *) address, sizeof *address) < 0
            || setsockopt(tally.fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience) < 0) {
        perror("floor client");
        return 1;
    }
    pthread_t receiver;
    pthread_create(&receiver, NULL, receive, &tally);
    long step_ns = (long) (1e9 / rate), sent = 0;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    double end = seconds_now() + seconds;
    while (seconds_now() < end) {
        next.tv_nsec += step_ns;
        if (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            next.tv_sec++;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        double now = seconds_now();
        sent += send(tally.fd, &now, sizeof now, 0) == sizeof now;
    }
    tally.sending = 0;
    pthread_join(receiver, NULL);
    printf("sent %ld answered %ld largest %.1f ms over 1 ms %ld over 4 ms %ld over 8 ms %ld\n", sent,
           tally.answered, tally.largest_ms, tally.over1, tally.over4, tally.over8);
    return 0;
}

int main(int argc, char **argv) {
    struct sockaddr_in address = {.sin_family = AF_INET};
    int is_echo = argc == 3 && strcmp(argv[1], "echo") == 0;
    int is_client = argc == 6 && strcmp(argv[1], "client") == 0;
    if ((!is_echo && !is_client) || inet_pton(AF_INET, argv[2], &address.sin_addr) != 1) {
        fprintf(stderr, "usage: floor echo ADDRESS | floor client ADDRESS PORT RATE SECONDS\n");
        return 2;
    }
    if (is_echo) {
        return echo(&address);
    }
    address.sin_port = htons((unsigned short) atoi(argv[3]));
    return client(&address, atof(argv[4]), atof(argv[5]));
}
